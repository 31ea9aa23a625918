import { z } from "zod";

// Runs before any of the app's browser code. zod probes `new Function` when it builds an object schema unless
// jitless is set first; under our CSP that probe is a reported violation.
z.config({ jitless: true });
