"use client";

import { z } from "zod";

// zod probes `new Function` before compiling fast parsers; under our CSP that probe is a reported violation.
if (typeof window !== "undefined") z.config({ jitless: true });

/** Rendered once in the root layout so the browser's zod never tries eval. */
export function ZodWithoutEval() {
  return null;
}
