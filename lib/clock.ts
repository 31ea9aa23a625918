import { APP_LOCALE } from "@/lib/locale";

/** "Now" comes from a clock so that checks and rules can run as of another instant. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export function fixedClock(instant: Date | string): Clock {
  const at = new Date(instant);
  return () => new Date(at);
}

/** The UTC calendar date of an instant, as a Date at 00:00 UTC (what Prisma uses for `@db.Date`). */
export function utcDate(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

const dayFormat = new Intl.DateTimeFormat(APP_LOCALE, { dateStyle: "medium", timeZone: "UTC" });
const instantFormat = new Intl.DateTimeFormat(APP_LOCALE, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** A calendar date for people: "2026-03-31" (or its Date) → "Mar 31, 2026". */
export function formatDay(day: string | Date): string {
  return dayFormat.format(typeof day === "string" ? new Date(`${day.slice(0, 10)}T00:00:00.000Z`) : day);
}

/** An instant for people: → "Mar 31, 2026, 9:30 AM UTC". */
export function formatInstant(instant: string | Date): string {
  return `${instantFormat.format(new Date(instant))} UTC`;
}

/** An instant in someone's own time zone: → "Mar 31, 2026, 11:30 AM GMT+2". */
export function formatInstantIn(instant: string | Date, timeZone: string): string {
  const format = new Intl.DateTimeFormat(APP_LOCALE, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  });
  return format.format(new Date(instant));
}
