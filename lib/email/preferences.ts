import type { Scope } from "@/lib/scope";
import { NotFoundError } from "@/lib/errors";
import type { NotificationCategory } from "@/lib/generated/prisma/enums";
import { changeChannels, channelMatrix } from "@/lib/notification-preferences";
import { findRecipient } from "./repository";
import type { EmailPreferencesOut, UnsubscribeOut } from "./schemas";
import { verifyUnsubscribeToken } from "./unsubscribe-token";

export type CategorySetting = { category: NotificationCategory; enabled: boolean };

/** Email on/off per category, the view of the channel matrix the first email-preferences routes gave. */
export async function emailEnabled(userId: string, category?: NotificationCategory): Promise<CategorySetting[]> {
  const matrix = await channelMatrix(userId);
  return matrix
    .filter((row) => !category || row.category === category)
    .map((row) => ({ category: row.category, enabled: row.email !== "OFF" }));
}

export async function getEmailPreferences(scope: Scope): Promise<EmailPreferencesOut> {
  return { preferences: await emailEnabled(scope.userId) };
}

/**
 * Turns email off, or on (instant, unless the category already gets a daily digest) for the categories named; the
 * others and the other channels keep their setting.
 */
export async function updateEmailPreferences(scope: Scope, settings: CategorySetting[]): Promise<EmailPreferencesOut> {
  await setEmailEnabled(scope.tenantId, scope.userId, settings);
  return getEmailPreferences(scope);
}

async function setEmailEnabled(tenantId: string, userId: string, settings: CategorySetting[]): Promise<void> {
  const matrix = await channelMatrix(userId);
  const changes = settings.map(({ category, enabled }) => {
    const current = matrix.find((row) => row.category === category)!.email;
    return { category, email: enabled ? (current === "OFF" ? ("INSTANT" as const) : current) : ("OFF" as const) };
  });
  await changeChannels(tenantId, userId, changes);
}

export type UnsubscribeLink = { category: NotificationCategory; email: string; enabled: boolean };

/** What a genuine unsubscribe link is about (for its confirmation page); null for a bad or orphaned token. */
export async function readUnsubscribeLink(token: string): Promise<UnsubscribeLink | null> {
  const claim = verifyUnsubscribeToken(token);
  const user = claim ? await findRecipient(claim.userId) : null;
  if (!claim || !user) return null;
  const [setting] = await emailEnabled(user.id, claim.category);
  const enabled = setting?.enabled ?? true;
  return { category: claim.category, email: maskEmail(user.email), enabled };
}

/** One-click unsubscribe: turns the token's category off for its user (idempotent). A bad token changes nothing. */
export async function unsubscribe(token: string): Promise<UnsubscribeOut> {
  const claim = verifyUnsubscribeToken(token);
  const user = claim ? await findRecipient(claim.userId) : null;
  if (!claim || !user) throw new NotFoundError("Unsubscribe link");
  await setEmailEnabled(user.tenantId, user.id, [{ category: claim.category, enabled: false }]);
  return { unsubscribed: true, category: claim.category };
}

/** "j•••@example.com": enough to recognise one's address on a page anyone holding the link can open. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "•••";
  return `${email[0]}•••${email.slice(at)}`;
}
