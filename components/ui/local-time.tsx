"use client";

import { useSyncExternalStore } from "react";
import { APP_LOCALE } from "@/lib/locale";

const noChange = () => () => undefined;

/** "today at 9:30 AM", "yesterday at 4:05 PM", "Mar 3 at 9:30 AM", "Mar 3, 2025 at 9:30 AM": in the reader's own time zone. */
export function friendlyInstant(instant: Date, now: Date, timeZone?: string): string {
  const day = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
  const time = new Intl.DateTimeFormat(APP_LOCALE, { timeZone, hour: "numeric", minute: "2-digit" }).format(instant);
  const daysApart = Math.round((Date.parse(day(now)) - Date.parse(day(instant))) / 86_400_000);
  if (daysApart === 0) return `today at ${time}`;
  if (daysApart === 1) return `yesterday at ${time}`;
  const sameYear = day(now).slice(0, 4) === day(instant).slice(0, 4);
  const date = new Intl.DateTimeFormat(APP_LOCALE, {
    timeZone,
    month: "short",
    day: "numeric",
    year: sameYear ? undefined : "numeric",
  }).format(instant);
  return `${date} at ${time}`;
}

/**
 * An instant for people, in the reader's time zone and words ("today at 9:30 AM"), the exact instant in the tooltip.
 * The server (which cannot know the zone) renders `fallback`; the browser replaces it once hydrated.
 */
export function LocalTime({ iso, fallback }: { iso: string; fallback: string }) {
  const local = useSyncExternalStore(
    noChange,
    () => friendlyInstant(new Date(iso), new Date()),
    () => null,
  );
  const exact = useSyncExternalStore(
    noChange,
    () => new Intl.DateTimeFormat(APP_LOCALE, { dateStyle: "full", timeStyle: "long" }).format(new Date(iso)),
    () => fallback,
  );
  return (
    <time dateTime={iso} title={exact}>
      {local ?? fallback}
    </time>
  );
}
