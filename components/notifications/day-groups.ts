/** Notifications grouped by the reader's calendar day, newest day first, each day headed in the reader's locale. */

export type DayGroup<T> = { key: string; label: string; items: T[] };

const dayKey = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** "Today", "Yesterday" (in the locale's words), else the weekday and date, with the year when it is not this year's. */
export function dayLabel(key: string, todayKey: string, locale: string): string {
  const ago = daysBetween(key, todayKey);
  if (ago === 0 || ago === 1) {
    const word = new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(-ago, "day");
    return word.charAt(0).toLocaleUpperCase(locale) + word.slice(1);
  }
  const noon = new Date(`${key}T12:00:00Z`);
  return new Intl.DateTimeFormat(locale, {
    timeZone: "UTC",
    weekday: "long",
    month: "long",
    day: "numeric",
    year: key.slice(0, 4) === todayKey.slice(0, 4) ? undefined : "numeric",
  }).format(noon);
}

/** Keeps the given order (newest first) inside each day. */
export function groupByDay<T extends { created_at: string }>(items: T[], now: Date, timeZone: string, locale: string): DayGroup<T>[] {
  const todayKey = dayKey(now, timeZone);
  const groups = new Map<string, DayGroup<T>>();
  for (const item of items) {
    const key = dayKey(new Date(item.created_at), timeZone);
    let group = groups.get(key);
    if (!group) {
      group = { key, label: dayLabel(key, todayKey, locale), items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  return [...groups.values()];
}
