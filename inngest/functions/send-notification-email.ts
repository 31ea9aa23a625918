import { inngest } from "@/inngest/client";
import { notificationEmailRequested } from "@/inngest/events";
import { deliverNotificationEmails } from "@/lib/email";

/**
 * Emails one notification. A failed send throws (`throwOnFailure`), so Inngest retries it up to 5 times with
 * exponential backoff; the email module records each attempt on the notification and skips one already sent.
 * The throttle keeps the send rate within Resend's default API limit.
 */
export const sendNotificationEmailFunction = inngest.createFunction(
  {
    id: "send-notification-email",
    name: "Send notification email",
    triggers: [notificationEmailRequested],
    retries: 5,
    throttle: { limit: 2, period: "1s" },
  },
  async ({ event, step }) =>
    step.run("deliver-notification-email", () => deliverNotificationEmails([event.data.notificationId], { throwOnFailure: true })),
);
