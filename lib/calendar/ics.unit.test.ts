import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { activityUid, buildCalendar, closeDateUid } from "./ics";

const origin = "https://crm.example.com";
const now = new Date("2030-03-01T12:00:00Z");
const activity = {
  id: "11111111-1111-4111-8111-111111111111",
  type: "CALL",
  subject: "Call about the renewal; bring figures, please",
  note: "Ask for the budget",
  dueAt: new Date("2030-03-31T22:30:00Z"),
  opportunity: { id: "22222222-2222-4222-8222-222222222222", name: "Renewal" },
  client: { id: "33333333-3333-4333-8333-333333333333", name: "Acme" },
};
const deal = {
  id: "22222222-2222-4222-8222-222222222222",
  name: "Renewal",
  stage: "PROPOSAL",
  expectedCloseDate: new Date("2030-04-15T00:00:00Z"),
  client: { id: "33333333-3333-4333-8333-333333333333", name: "Acme" },
};

function parse(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  return { component, events: component.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e)) };
}

describe("buildCalendar", () => {
  it("writes an activity as a UTC instant and a close date as an all-day DATE, with stable UIDs and links", () => {
    const text = buildCalendar({ ownerName: "Rita Rep", origin, now, activities: [activity], deals: [deal] });
    expect(text).toContain("DTSTART:20300331T223000Z");
    expect(text).toContain("DTSTART;VALUE=DATE:20300415");
    const { component, events } = parse(text);
    expect(component.getFirstPropertyValue("version")).toBe("2.0");
    const [call, close] = events;
    expect(call!.uid).toBe(activityUid(activity.id));
    expect(call!.summary).toBe("Call: Call about the renewal; bring figures, please");
    expect(call!.startDate.toJSDate().toISOString()).toBe("2030-03-31T22:30:00.000Z");
    expect(call!.endDate.toJSDate().toISOString()).toBe("2030-03-31T23:00:00.000Z");
    expect(call!.description).toBe("Deal: Renewal\nClient: Acme\nAsk for the budget");
    expect(call!.component.getFirstPropertyValue("url")).toBe(`${origin}/opportunities/${deal.id}`);
    expect(close!.uid).toBe(closeDateUid(deal.id));
    expect(close!.startDate.isDate).toBe(true);
    expect(close!.startDate.toString()).toBe("2030-04-15");
    expect(close!.endDate.toString()).toBe("2030-04-16");
  });

  it("gives the same item the same UID on every build", () => {
    const first = parse(buildCalendar({ ownerName: "R", origin, now, activities: [activity], deals: [deal] }));
    const later = parse(
      buildCalendar({ ownerName: "R", origin, now: new Date("2030-03-02T00:00:00Z"), activities: [activity], deals: [deal] }),
    );
    expect(later.events.map((e) => e.uid)).toEqual(first.events.map((e) => e.uid));
  });

  it("links a client-only activity to the client", () => {
    const text = buildCalendar({ ownerName: "R", origin, now, activities: [{ ...activity, opportunity: null }], deals: [] });
    expect(parse(text).events[0]!.component.getFirstPropertyValue("url")).toBe(`${origin}/clients/${activity.client.id}`);
  });
});
