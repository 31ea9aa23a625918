import { logger } from "@/lib/log";
import { createNotifications } from "@/lib/notifications";
import { activeUserIdsWithRoles } from "@/lib/users";

/** What a notification's `email_error` says when no email provider is configured. */
export const NO_PROVIDER_ERROR =
  "Not sent: no email provider is configured. Set RESEND_API_KEY (or EMAIL_OUTBOX=1 to keep mail in the development outbox).";

/** Each admin hears of it once: the notice's dedupe key never changes. */
export const NO_PROVIDER_NOTICE_KEY = "email-provider-missing";

/**
 * Tells the tenant's active admins, in the app only (an email could not reach them either), that emails are not
 * being sent. Created once per admin; later failures find the key taken and add nothing. Never throws.
 */
export async function noticeMissingProvider(tenantId: string): Promise<void> {
  try {
    const admins = await activeUserIdsWithRoles(tenantId, ["ADMIN"]);
    await createNotifications(
      admins.map((userId) => ({
        tenantId,
        userId,
        title: "Emails are not being sent",
        message:
          "No email provider is configured on this server, so notification emails are recorded as failed instead of " +
          "being sent. Set RESEND_API_KEY on the server; failed emails are then retried.",
        type: "ERROR",
        category: "SYSTEM",
        dedupeKey: NO_PROVIDER_NOTICE_KEY,
      })),
    );
  } catch (error) {
    logger.error({ err: error, tenantId }, "email: could not tell the admins that no email provider is configured");
  }
}
