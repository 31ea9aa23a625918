import type { Scope } from "@/lib/scope";
import { NotificationCategory, type EmailMode } from "@/lib/generated/prisma/enums";
import { DEFAULT_CHANNELS, deliverySettings, saveChannels, storedChannels, type ChannelChange, type ChannelSetting } from "./repository";
import { decideEmail, decidePush, type DeliveryFacts, type EmailDecision, type RecipientSettings } from "./decide";
import type { NotificationPreferencesOut } from "./schemas";

export const CATEGORIES = Object.values(NotificationCategory);

export type CategoryChannels = { category: NotificationCategory } & ChannelSetting;

/** Every category's channels for one user (defaults where nothing is stored). */
export async function channelMatrix(userId: string): Promise<CategoryChannels[]> {
  const stored = await storedChannels(userId);
  return CATEGORIES.map((category) => ({ category, ...(stored.get(category) ?? DEFAULT_CHANNELS) }));
}

const serialize = (matrix: CategoryChannels[]): NotificationPreferencesOut => ({
  preferences: matrix.map((row) => ({ category: row.category, in_app: row.inApp, email: row.email, push: row.push })),
});

export async function getNotificationPreferences(scope: Scope): Promise<NotificationPreferencesOut> {
  return serialize(await channelMatrix(scope.userId));
}

/** Applies the channels named to one user's matrix; the rest keeps its setting. */
export async function changeChannels(tenantId: string, userId: string, changes: ChannelChange[]): Promise<CategoryChannels[]> {
  const matrix = await channelMatrix(userId);
  const changed = changes.map((change) => {
    const current = matrix.find((row) => row.category === change.category)!;
    return {
      category: change.category,
      inApp: change.inApp ?? current.inApp,
      email: change.email ?? current.email,
      push: change.push ?? current.push,
    };
  });
  await saveChannels(tenantId, userId, changed);
  return matrix.map((row) => changed.find((c) => c.category === row.category) ?? row);
}

export async function updateNotificationPreferences(
  scope: Scope,
  body: { preferences: Array<{ category: NotificationCategory; in_app?: boolean; email?: EmailMode; push?: boolean }> },
): Promise<NotificationPreferencesOut> {
  const changes = body.preferences.map((p) => ({ category: p.category, inApp: p.in_app, email: p.email, push: p.push }));
  return serialize(await changeChannels(scope.tenantId, scope.userId, changes));
}

export type Deliverable = DeliveryFacts & { id: string; userId: string };

async function settingsFor(rows: Deliverable[]): Promise<Map<string, RecipientSettings>> {
  return rows.length === 0 ? new Map() : deliverySettings([...new Set(rows.map((row) => row.userId))]);
}

/** The email decision of each notification (by id): now, after quiet hours, in the digest, or not at all. */
export async function emailDecisions(rows: Deliverable[], now: Date): Promise<Map<string, EmailDecision>> {
  const settings = await settingsFor(rows);
  return new Map(rows.map((row) => [row.id, decideEmail(row, settings.get(row.userId), now)]));
}

/** When each notification's push may go (by id); notifications whose category has push off are absent. */
export async function pushSchedule(rows: Deliverable[], now: Date): Promise<Map<string, Date>> {
  const settings = await settingsFor(rows);
  const schedule = new Map<string, Date>();
  for (const row of rows) {
    const at = decidePush(row, settings.get(row.userId), now);
    if (at) schedule.set(row.id, at);
  }
  return schedule;
}
