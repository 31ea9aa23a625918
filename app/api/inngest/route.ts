import { functions } from "@/inngest/functions";
import { inngestEndpoint } from "@/lib/jobs";

/**
 * The Inngest endpoint: GET introspects, PUT registers the functions with Inngest, POST runs their steps.
 * Requests are verified with INNGEST_SIGNING_KEY (Cloud); with INNGEST_DEV set it talks to a dev server.
 */
export const { GET, POST, PUT } = inngestEndpoint(functions);
