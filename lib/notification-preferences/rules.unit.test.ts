import { describe, expect, it } from "vitest";
import { digestDue, formatClockTime, inQuietHours, isTimeZone, localTime, parseClockTime, quietHoursEnd, sendableAt } from "./rules";

const night = { start: 22 * 60, end: 7 * 60 };

describe("clock times", () => {
  it("parses and formats HH:MM", () => {
    expect(parseClockTime("22:00")).toBe(1320);
    expect(parseClockTime("07:05")).toBe(425);
    expect(["24:00", "7:00", "22:60", "", "22:00:00"].map(parseClockTime)).toEqual([null, null, null, null, null]);
    expect(formatClockTime(425)).toBe("07:05");
  });

  it("knows IANA zones", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("America/Kentucky/Louisville")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
});

describe("quiet hours", () => {
  it("span midnight or not", () => {
    expect([21 * 60 + 59, 22 * 60, 0, 6 * 60 + 59, 7 * 60].map((m) => inQuietHours(m, night))).toEqual([false, true, true, true, false]);
    const lunch = { start: 12 * 60, end: 13 * 60 };
    expect([11 * 60 + 59, 12 * 60, 13 * 60].map((m) => inQuietHours(m, lunch))).toEqual([false, true, false]);
    expect(inQuietHours(0, null)).toBe(false);
  });

  it("end at the next local end time, in the user's zone", () => {
    const berlin = { timezone: "Europe/Berlin", quietHours: night };
    // 23:30 in Berlin (CET, UTC+1) on 2026-01-10 → 07:00 Berlin on the 11th = 06:00 UTC.
    expect(quietHoursEnd(new Date("2026-01-10T22:30:00Z"), berlin)?.toISOString()).toBe("2026-01-11T06:00:00.000Z");
    // 03:00 Berlin → 07:00 the same day.
    expect(quietHoursEnd(new Date("2026-01-11T02:00:00Z"), berlin)?.toISOString()).toBe("2026-01-11T06:00:00.000Z");
    expect(quietHoursEnd(new Date("2026-01-11T12:00:00Z"), berlin)).toBeNull();
    expect(quietHoursEnd(new Date("2026-01-11T02:00:00Z"), { timezone: "Europe/Berlin", quietHours: null })).toBeNull();
  });

  it("end at the local time across a DST change", () => {
    const newYork = { timezone: "America/New_York", quietHours: night };
    // Night of 2026-03-07 → 08 (clocks go forward at 02:00): 23:00 EST = 04:00 UTC; 07:00 EDT = 11:00 UTC.
    expect(quietHoursEnd(new Date("2026-03-08T04:00:00Z"), newYork)?.toISOString()).toBe("2026-03-08T11:00:00.000Z");
    // Night of 2026-10-31 → 11-01 (back at 02:00): 23:00 EDT = 03:00 UTC; 07:00 EST = 12:00 UTC.
    expect(quietHoursEnd(new Date("2026-11-01T03:00:00Z"), newYork)?.toISOString()).toBe("2026-11-01T12:00:00.000Z");
  });

  it("hold a message until they end unless it is critical", () => {
    const user = { timezone: "UTC", quietHours: night };
    const at = new Date("2026-05-01T23:00:00Z");
    expect(sendableAt(at, user, false).toISOString()).toBe("2026-05-02T07:00:00.000Z");
    expect(sendableAt(at, user, true)).toEqual(at);
  });
});

describe("digest time", () => {
  it("is due from 08:00 local time on the user's own day", () => {
    const tokyo = { timezone: "Asia/Tokyo", quietHours: null };
    expect(digestDue(new Date("2026-05-01T23:00:00Z"), tokyo)).toEqual({ due: true, day: "2026-05-02" });
    expect(digestDue(new Date("2026-05-01T22:59:00Z"), tokyo)).toEqual({ due: false, day: "2026-05-02" });
    expect(localTime(new Date("2026-05-01T23:00:00Z"), "America/Los_Angeles")).toEqual({ day: "2026-05-01", minute: 16 * 60 });
  });

  it("waits for quiet hours that cover 08:00", () => {
    const late = { timezone: "UTC", quietHours: { start: 22 * 60, end: 9 * 60 } };
    expect(digestDue(new Date("2026-05-01T08:30:00Z"), late).due).toBe(false);
    expect(digestDue(new Date("2026-05-01T09:00:00Z"), late).due).toBe(true);
  });
});
