import type { Scope } from "@/lib/scope";
import { NotFoundError } from "@/lib/errors";
import type { NotificationCategory } from "@/lib/generated/prisma/enums";
import { EMAIL_CATEGORIES } from "./categories";
import { disabledEmailCategories, findRecipient, saveEmailPreferences } from "./repository";
import type { EmailPreferencesOut, UnsubscribeOut } from "./schemas";
import { verifyUnsubscribeToken } from "./unsubscribe-token";

export type CategorySetting = { category: NotificationCategory; enabled: boolean };

/** Every category, on unless the user turned it off. */
function settingsOf(disabled: NotificationCategory[]): CategorySetting[] {
  return EMAIL_CATEGORIES.map((category) => ({ category, enabled: !disabled.includes(category) }));
}

export async function getEmailPreferences(scope: Scope): Promise<EmailPreferencesOut> {
  return { preferences: settingsOf(await disabledEmailCategories(scope.userId)) };
}

/** Changes the categories named; the others keep their setting. In-app notifications are never affected. */
export async function updateEmailPreferences(scope: Scope, settings: CategorySetting[]): Promise<EmailPreferencesOut> {
  await saveEmailPreferences(scope.tenantId, scope.userId, settings);
  return getEmailPreferences(scope);
}

export type UnsubscribeLink = { category: NotificationCategory; email: string; enabled: boolean };

/** What a genuine unsubscribe link is about (for its confirmation page); null for a bad or orphaned token. */
export async function readUnsubscribeLink(token: string): Promise<UnsubscribeLink | null> {
  const claim = verifyUnsubscribeToken(token);
  const user = claim ? await findRecipient(claim.userId) : null;
  if (!claim || !user) return null;
  const enabled = !user.emailPreferences.some((preference) => preference.category === claim.category);
  return { category: claim.category, email: maskEmail(user.email), enabled };
}

/** One-click unsubscribe: turns the token's category off for its user (idempotent). A bad token changes nothing. */
export async function unsubscribe(token: string): Promise<UnsubscribeOut> {
  const claim = verifyUnsubscribeToken(token);
  const user = claim ? await findRecipient(claim.userId) : null;
  if (!claim || !user) throw new NotFoundError("Unsubscribe link");
  await saveEmailPreferences(user.tenantId, user.id, [{ category: claim.category, enabled: false }]);
  return { unsubscribed: true, category: claim.category };
}

/** "j•••@example.com": enough to recognise one's address on a page anyone holding the link can open. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "•••";
  return `${email[0]}•••${email.slice(at)}`;
}
