import { TZDate } from "@date-fns/tz";
import type { NotificationType } from "@/lib/generated/prisma/enums";

/** Quiet hours as minutes of the local day; `start > end` spans midnight (22:00–07:00). */
export type QuietHours = { start: number; end: number };

/** Where and when a user is: their IANA time zone and quiet hours (null: none). */
export type UserTime = { timezone: string; quietHours: QuietHours | null };

/** The local hour a daily digest goes out. */
export const DIGEST_MINUTE = 8 * 60;

/** "22:00" → 1320; null for anything that is not a 24-hour HH:MM time. */
export function parseClockTime(text: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** 1320 → "22:00". */
export function formatClockTime(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** True for a zone name the runtime (and so PostgreSQL's tz database) knows, such as "Europe/Berlin". */
export function isTimeZone(name: string): boolean {
  if (name.length === 0 || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The user's local calendar day ("2026-03-29") and minute of that day at `now`. */
export function localTime(now: Date, timezone: string): { day: string; minute: number } {
  const local = new TZDate(now.getTime(), timezone);
  const day = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, "0")}-${String(local.getDate()).padStart(2, "0")}`;
  return { day, minute: local.getHours() * 60 + local.getMinutes() };
}

export function inQuietHours(minute: number, quiet: QuietHours | null): boolean {
  if (!quiet) return false;
  return quiet.start < quiet.end ? minute >= quiet.start && minute < quiet.end : minute >= quiet.start || minute < quiet.end;
}

/**
 * When the quiet hours `now` falls in end (the local end time, today or tomorrow), or null when `now` is not in
 * quiet hours. A local end time a DST change skips resolves as the zone's rules do (moved forward).
 */
export function quietHoursEnd(now: Date, user: UserTime): Date | null {
  const quiet = user.quietHours;
  const local = new TZDate(now.getTime(), user.timezone);
  const minute = local.getHours() * 60 + local.getMinutes();
  if (!quiet || !inQuietHours(minute, quiet)) return null;
  const nextDay = minute >= quiet.end ? 1 : 0;
  const endHour = Math.floor(quiet.end / 60);
  const end = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + nextDay, endHour, quiet.end % 60, user.timezone);
  return new Date(end.getTime());
}

/**
 * Critical notifications (flagged, and every ERROR) skip digests and quiet hours. SQL twins: `criticalSql`, and the
 * `notifications_in_app` trigger (migration 20261207070000), which shows critical ones whatever the in-app setting.
 */
export function isCritical(notification: { critical: boolean; type: NotificationType }): boolean {
  return notification.critical || notification.type === "ERROR";
}

/** When a message for `user` raised at `now` may go out: now, or the end of the quiet hours it falls in. */
export function sendableAt(now: Date, user: UserTime, critical: boolean): Date {
  return (!critical && quietHoursEnd(now, user)) || now;
}

/** A daily digest is due from 08:00 local time, unless that falls in quiet hours (then from their end). */
export function digestDue(now: Date, user: UserTime): { due: boolean; day: string } {
  const { day, minute } = localTime(now, user.timezone);
  return { due: minute >= DIGEST_MINUTE && !inQuietHours(minute, user.quietHours), day };
}
