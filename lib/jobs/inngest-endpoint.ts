import type { InngestFunction } from "inngest";
import { serve } from "inngest/next";
import { problemResponse } from "@/lib/http";
import { logger } from "@/lib/log";
import { inngest, isInngestConfigured } from "./inngest-client";

type Handler = (request: Request, context: unknown) => Promise<Response>;

const NOT_CONFIGURED =
  "Inngest is not configured on this server (set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY, or INNGEST_DEV); " +
  "the scheduled jobs run with `npm run job` instead.";

let toldNotConfigured = false;

/**
 * The /api/inngest handlers: Inngest's own (introspect, register, run steps), answering what is not Inngest's to
 * answer with a problem: 404 while Inngest is not configured, 404 for a function this app does not have, and 502
 * with the reason when registering with Inngest fails (unreachable, or refused). A failed step keeps Inngest's 500, which is how Inngest
 * learns to retry it.
 */
export function inngestEndpoint(functions: InngestFunction.Any[]): { GET: Handler; PUT: Handler; POST: Handler } {
  const served = serve({ client: inngest, functions }) as unknown as Record<"GET" | "PUT" | "POST", Handler>;
  const guarded =
    (method: "GET" | "PUT" | "POST"): Handler =>
    async (request, context) => {
      if (!isInngestConfigured()) {
        if (!toldNotConfigured) logger.info("inngest: not configured; /api/inngest answers 404");
        toldNotConfigured = true;
        return problemResponse({ title: "Not Found", status: 404, detail: NOT_CONFIGURED });
      }
      const response = await served[method](request, context);
      if (method === "PUT" && response.status >= 400) {
        const reason = await failureMessage(response);
        logger.warn({ reason, status: response.status }, "inngest: registration failed");
        return problemResponse({ title: "Bad Gateway", status: 502, detail: `Registering the functions with Inngest failed: ${reason}` });
      }
      if (response.status < 500) return response;
      const reason = await failureMessage(response.clone());
      if (/was not found in this app|No function ID found/i.test(reason)) {
        return problemResponse({ title: "Not Found", status: 404, detail: reason });
      }
      return response;
    };
  return { GET: guarded("GET"), PUT: guarded("PUT"), POST: guarded("POST") };
}

async function failureMessage(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { message?: unknown };
    return typeof body.message === "string" ? body.message : text.slice(0, 500);
  } catch {
    return text.slice(0, 500);
  }
}
