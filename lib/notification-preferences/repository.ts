import { db, Prisma } from "@/lib/db";
import type { EmailMode, NotificationCategory } from "@/lib/generated/prisma/enums";
import type { UserTime } from "./rules";

export type ChannelSetting = { inApp: boolean; email: EmailMode; push: boolean };

export type ChannelChange = { category: NotificationCategory } & Partial<ChannelSetting>;

/** Every channel on and email instant: what a category without a row means. */
export const DEFAULT_CHANNELS: ChannelSetting = { inApp: true, email: "INSTANT", push: true };

export async function storedChannels(userId: string): Promise<Map<NotificationCategory, ChannelSetting>> {
  const rows = await db().notificationPreference.findMany({
    where: { userId },
    select: { category: true, inApp: true, email: true, push: true },
  });
  return new Map(rows.map(({ category, ...setting }) => [category, setting]));
}

/** Writes the full setting of each category given (one statement). */
export async function saveChannels(
  tenantId: string,
  userId: string,
  settings: Array<{ category: NotificationCategory } & ChannelSetting>,
): Promise<void> {
  if (settings.length === 0) return;
  const values = settings.map(
    (s) =>
      Prisma.sql`(${tenantId}::uuid, ${userId}::uuid, ${s.category}::notification_category, ${s.inApp}, ${s.email}::email_mode, ${s.push}, now())`,
  );
  await db().$executeRaw`
    INSERT INTO notification_preferences (tenant_id, user_id, category, in_app, email, push, updated_at)
    VALUES ${Prisma.join(values)}
    ON CONFLICT (user_id, category) DO UPDATE
    SET in_app = EXCLUDED.in_app, email = EXCLUDED.email, push = EXCLUDED.push, updated_at = EXCLUDED.updated_at`;
}

const userTimeSelect = { id: true, timezone: true, quietHoursStart: true, quietHoursEnd: true } as const;

type UserTimeRow = { timezone: string; quietHoursStart: number | null; quietHoursEnd: number | null };

export function toUserTime(row: UserTimeRow): UserTime {
  const quiet = row.quietHoursStart !== null && row.quietHoursEnd !== null;
  return { timezone: row.timezone, quietHours: quiet ? { start: row.quietHoursStart!, end: row.quietHoursEnd! } : null };
}

/** Each user's time zone, quiet hours and stored channel settings, for deciding many deliveries at once. */
export async function deliverySettings(
  userIds: string[],
): Promise<Map<string, { time: UserTime; channels: Map<NotificationCategory, ChannelSetting> }>> {
  const users = await db().user.findMany({
    where: { id: { in: userIds } },
    select: { ...userTimeSelect, notificationPrefs: { select: { category: true, inApp: true, email: true, push: true } } },
  });
  return new Map(
    users.map((user) => [
      user.id,
      { time: toUserTime(user), channels: new Map(user.notificationPrefs.map(({ category, ...setting }) => [category, setting])) },
    ]),
  );
}
