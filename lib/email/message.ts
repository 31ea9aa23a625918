import type { NotificationCategory, NotificationType } from "@/lib/generated/prisma/enums";

/** One email, ready for a transport (which adds the sender). */
export type EmailMessage = {
  /** The recipient's tenant: the outbox shows a tenant only its own users' mail. */
  tenantId: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** The same key never sends twice (Resend's Idempotency-Key; the outbox's unique key). */
  idempotencyKey?: string;
};

export type EmailRecipient = { id: string; tenantId: string; email: string; name: string };

/** What a notification email says. */
export type NotificationEmailContent = {
  title: string;
  message: string;
  type: NotificationType;
  category: NotificationCategory;
  actionUrl?: string | null;
  actionLabel?: string | null;
};

/** `ok` with the provider's (or outbox's) message id, or the reason it failed. Sending never throws. */
export type SendResult = { ok: true; id: string } | { ok: false; error: string };
