import type { Clock } from "@/lib/clock";
import { retryDueEmails } from "@/lib/email";

export type RetryEmailsResult = { sent: number; failed: number; skipped: number };

/** Sends again the notification emails whose earlier attempt failed and whose next attempt is due. */
export function retryEmails(clock: Clock): Promise<RetryEmailsResult> {
  return retryDueEmails({ clock });
}
