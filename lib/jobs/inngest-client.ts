import { Inngest } from "inngest";
import { logger } from "@/lib/log";

/**
 * The OnQuota Inngest app. Its mode and keys come from INNGEST_DEV, INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY;
 * it logs through the app's pino logger.
 */
export const inngest = new Inngest({ id: "onquota", logger });

/**
 * True when events can go through Inngest: a dev server (INNGEST_DEV=1 or its URL) or Inngest Cloud (both
 * keys). Otherwise the app sends no events: scheduled work runs through `npm run job` and emails go out inline.
 */
export function isInngestConfigured(env: Record<string, string | undefined> = process.env): boolean {
  const dev = env.INNGEST_DEV?.trim();
  if (dev && !/^(0|false)$/i.test(dev)) return true;
  return Boolean(env.INNGEST_EVENT_KEY?.trim() && env.INNGEST_SIGNING_KEY?.trim());
}
