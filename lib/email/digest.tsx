import { render } from "@react-email/render";
import { systemClock, formatDay, formatInstantIn, type Clock } from "@/lib/clock";
import { logger } from "@/lib/log";
import type { NotificationCategory } from "@/lib/generated/prisma/enums";
import { digestDue, toUserTime } from "@/lib/notification-preferences";
import { CATEGORY_LABELS } from "./categories";
import { absoluteUrl, APP_NAME, emailConfig, type EmailConfig } from "./config";
import {
  claimDigest,
  digestCandidates,
  digestNotifications,
  recordDigestFailed,
  recordDigestSent,
  releaseDigest,
  type DigestCandidate,
  type DigestNotification,
} from "./digest-repository";
import type { EmailRecipient } from "./message";
import type { RenderedEmail } from "./render";
import { listUnsubscribeHeaders, unsubscribeFooter } from "./render";
import { MAX_EMAIL_ATTEMPTS, nextAttemptAt, RETRY_LEASE_MS } from "./retry-policy";
import { DigestEmail, type DigestGroup } from "./templates/digest-email";
import { transmit } from "./transport";

/** A digest lists at most this many notifications (the newest of each category first); the rest wait for the next. */
export const DIGEST_LIMIT = 200;

export type DigestTotals = { sent: number; failed: number; notDue: number; alreadySent: number; notifications: number };

/** Resend's idempotency key (and the outbox's) of one user's digest of one local day. */
export const digestEmailKey = (userId: string, day: string) => `digest/${userId}/${day}`;

/**
 * Sends every user whose local time has reached 08:00 (outside quiet hours) their digest of the day, once: the
 * notifications of their daily-digest categories not yet emailed, grouped by category, newest first. Users with
 * nothing waiting get nothing. A failed send is tried again on a later run (backoff), never a second digest a day.
 */
export async function sendDueDigests(options: { clock?: Clock } = {}): Promise<DigestTotals> {
  const clock = options.clock ?? systemClock;
  const now = clock();
  const totals: DigestTotals = { sent: 0, failed: 0, notDue: 0, alreadySent: 0, notifications: 0 };
  for (const user of await digestCandidates(now)) {
    const { due, day } = digestDue(now, toUserTime(user));
    if (!due) {
      totals.notDue++;
      continue;
    }
    const outcome = await sendDigest(user, day, now);
    if (outcome === "taken") totals.alreadySent++;
    else if (outcome === "failed") totals.failed++;
    else if (outcome > 0) {
      totals.sent++;
      totals.notifications += outcome;
    }
  }
  return totals;
}

async function sendDigest(user: DigestCandidate, day: string, now: Date): Promise<number | "taken" | "failed"> {
  const digest = await claimDigest(user, day, now, new Date(now.getTime() + RETRY_LEASE_MS), MAX_EMAIL_ATTEMPTS);
  if (!digest) return "taken";
  const notifications = await digestNotifications(user.id, now, DIGEST_LIMIT);
  if (notifications.length === 0) {
    await releaseDigest(digest.id);
    return 0;
  }
  try {
    const rendered = await renderDigestEmail(user, notifications, day, user.timezone);
    const result = await transmit({ ...rendered, idempotencyKey: digestEmailKey(user.id, day) }, () => now);
    if (result.ok) {
      await recordDigestSent(
        digest.id,
        notifications.map((n) => n.id),
        now,
      );
      return notifications.length;
    }
    await recordDigestFailed(digest.id, result.error, nextAttemptAt(digest.attempts, now) ?? now);
  } catch (error) {
    logger.error({ err: error, userId: user.id }, "email: could not send a daily digest");
    await recordDigestFailed(digest.id, "The digest could not be sent.", nextAttemptAt(digest.attempts, now) ?? now);
  }
  return "failed";
}

function groupsOf(notifications: DigestNotification[], userId: string, timezone: string, config: EmailConfig): DigestGroup[] {
  const byCategory = new Map<NotificationCategory, DigestNotification[]>();
  for (const n of notifications) byCategory.set(n.category, [...(byCategory.get(n.category) ?? []), n]);
  return [...byCategory].map(([category, items]) => ({
    label: CATEGORY_LABELS[category].label,
    unsubscribeUrl: unsubscribeFooter(userId, category, config.appUrl).unsubscribeUrl,
    items: items.map((n) => ({
      title: n.title,
      message: n.message,
      time: formatInstantIn(n.createdAt, timezone),
      url: n.actionUrl ? absoluteUrl(n.actionUrl, config.appUrl) : null,
    })),
  }));
}

/**
 * The digest email. Its footer's unsubscribe link (and the one-click header) turn the digest's category off when it
 * lists one category; with several, each section has its own link and the footer opens the preferences.
 */
export async function renderDigestEmail(
  recipient: EmailRecipient,
  notifications: DigestNotification[],
  day: string,
  timezone: string,
  config: EmailConfig = emailConfig(),
): Promise<RenderedEmail> {
  const groups = groupsOf(notifications, recipient.id, timezone, config);
  const categories = [...new Set(notifications.map((n) => n.category))];
  const single = categories.length === 1 ? unsubscribeFooter(recipient.id, categories[0]!, config.appUrl) : null;
  const preferencesUrl = `${config.appUrl}/settings#email-preferences`;
  const heading = `Your daily digest for ${formatDay(day)}: ${notifications.length} notification${notifications.length === 1 ? "" : "s"}`;
  const reason = `You get this digest because you chose a daily digest for ${groups.map((g) => g.label).join(", ")} in your ${APP_NAME} settings.`;
  const html = await render(
    <DigestEmail
      appName={APP_NAME}
      appUrl={config.appUrl}
      recipientName={recipient.name}
      heading={heading}
      groups={groups}
      unsubscribeUrl={single?.unsubscribeUrl ?? preferencesUrl}
      preferencesUrl={preferencesUrl}
      reason={reason}
    />,
  );
  const text = [
    APP_NAME,
    "",
    heading,
    "",
    `Hi ${recipient.name}, here is what happened since your last digest.`,
    "",
    ...groups.flatMap((group) => [
      `${group.label} (${group.items.length})`,
      ...group.items.flatMap((item) => [`- ${item.title} (${item.time})`, `  ${item.message}`, ...(item.url ? [`  ${item.url}`] : [])]),
      `Stop emails about ${group.label.toLowerCase()}: ${group.unsubscribeUrl}`,
      "",
    ]),
    "--",
    reason,
    `Email preferences: ${preferencesUrl}`,
  ].join("\n");
  return {
    tenantId: recipient.tenantId,
    to: recipient.email,
    subject: heading,
    html,
    text,
    headers: single ? listUnsubscribeHeaders(single.oneClickUrl) : {},
  };
}
