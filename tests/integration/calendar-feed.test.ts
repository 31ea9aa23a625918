import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { del, get, patch, post, put } from "../helpers/api";
import { createOpp, createWorld, dateIn, ifMatch, type OppWorld } from "./opportunities-helpers";

let a: OppWorld;
let b: OppWorld;

type Feed = { url: string; token: string };

async function createFeed(token: string): Promise<Feed> {
  const response = await post("/calendar/feed", undefined, { token });
  expect(response.status, response.text).toBe(201);
  return response.body;
}

/** The feed's path under /api/v1, as a calendar app would fetch the URL (no credentials). */
const feedPath = (feed: Feed) => new URL(feed.url).pathname.replace("/api/v1/", "");

async function fetchEvents(feed: Feed) {
  const response = await get(feedPath(feed));
  expect(response.status, response.text).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/calendar/);
  const calendar = new ICAL.Component(ICAL.parse(response.text));
  expect(calendar.name).toBe("vcalendar");
  const events = calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
  return { text: response.text, events, byUid: new Map(events.map((event) => [event.uid, event])) };
}

async function activity(token: string, body: Record<string, unknown>) {
  const response = await post("/activities", { type: "CALL", subject: "Call", ...body }, { token });
  expect(response.status, response.text).toBe(201);
  return response.body as { id: string };
}

beforeAll(async () => {
  [a, b] = await Promise.all([createWorld("Calendar A"), createWorld("Calendar B")]);
});

describe("calendar feed", () => {
  it("holds the rep's open dated activities (UTC) and open deals' close dates (all-day), nothing else", async () => {
    const deal = await createOpp(a, a.rep.token, { name: "Renewal", expected_close_date: dateIn(12) });
    const closed = await createOpp(a, a.rep.token, { name: "Closed one" });
    const won = await patch(
      `/opportunities/${closed.id}/stage`,
      { stage: "CLOSED_WON" },
      { token: a.rep.token, headers: ifMatch(closed.version) },
    );
    expect(won.status, won.text).toBe(200);
    const othersDeal = await createOpp(a, a.otherRep.token, { name: "Not mine" });
    const due = await activity(a.rep.token, { subject: "Call the buyer", opportunity_id: deal.id, due_at: `${dateIn(3)}T11:30:00+02:00` });
    const undated = await activity(a.rep.token, { subject: "Someday", opportunity_id: deal.id });
    const done = await activity(a.rep.token, { subject: "Done already", opportunity_id: deal.id, due_at: `${dateIn(1)}T09:00:00Z` });
    expect((await post(`/activities/${done.id}/complete`, undefined, { token: a.rep.token })).status).toBe(200);
    const clientOnly = await activity(a.rep.token, {
      type: "MEETING",
      subject: "Visit",
      client_id: a.otherClientId,
      due_at: `${dateIn(5)}T15:00:00Z`,
    });
    const othersActivity = await activity(a.otherRep.token, {
      subject: "Theirs",
      opportunity_id: othersDeal.id,
      due_at: `${dateIn(2)}T09:00:00Z`,
    });

    const { events, byUid } = await fetchEvents(await createFeed(a.rep.token));
    expect([...byUid.keys()].sort()).toEqual(
      [`activity-${due.id}@onquota`, `activity-${clientOnly.id}@onquota`, `deal-close-${deal.id}@onquota`].sort(),
    );
    const call = byUid.get(`activity-${due.id}@onquota`)!;
    expect(call.summary).toBe("Call: Call the buyer");
    expect(call.startDate.zone?.tzid).toBe("UTC");
    expect(call.startDate.toJSDate().toISOString()).toBe(`${dateIn(3)}T09:30:00.000Z`);
    expect(call.description).toContain("Deal: Renewal");
    expect(call.description).toContain("Client: Acme Corp");
    expect(call.component.getFirstPropertyValue("url")).toBe(`http://localhost:3000/opportunities/${deal.id}`);
    const visit = byUid.get(`activity-${clientOnly.id}@onquota`)!;
    expect(visit.component.getFirstPropertyValue("url")).toBe(`http://localhost:3000/clients/${a.otherClientId}`);
    const close = byUid.get(`deal-close-${deal.id}@onquota`)!;
    expect(close.startDate.isDate).toBe(true);
    expect(close.startDate.toString()).toBe(dateIn(12));
    expect(close.summary).toBe("Expected close: Renewal (Acme Corp)");
    for (const hidden of [undated.id, done.id, othersActivity.id, closed.id, othersDeal.id])
      expect(events.some((event) => event.uid.includes(hidden))).toBe(false);
  });

  it("keeps every item's UID and dates across fetches, and follows a reschedule under the same UID", async () => {
    const deal = await createOpp(a, a.supervisor.token, { name: "Manager's deal", expected_close_date: dateIn(20) });
    const planned = await activity(a.supervisor.token, { subject: "Plan", opportunity_id: deal.id, due_at: `${dateIn(4)}T08:00:00Z` });
    const feed = await createFeed(a.supervisor.token);
    const first = await fetchEvents(feed);
    const second = await fetchEvents(feed);
    const summary = (f: typeof first) => f.events.map((e) => [e.uid, e.startDate.toString(), e.endDate.toString()]).sort();
    expect(summary(second)).toEqual(summary(first));
    // A manager's feed is theirs: none of the reps' items.
    expect(first.events.map((e) => e.uid).sort()).toEqual([`activity-${planned.id}@onquota`, `deal-close-${deal.id}@onquota`].sort());

    expect((await put(`/activities/${planned.id}`, { due_at: `${dateIn(6)}T13:15:00Z` }, { token: a.supervisor.token })).status).toBe(200);
    const moved = (await fetchEvents(feed)).byUid.get(`activity-${planned.id}@onquota`)!;
    expect(moved.startDate.toJSDate().toISOString()).toBe(`${dateIn(6)}T13:15:00.000Z`);
  });

  it("rotation makes the old URL 404 at once; revoking makes every URL 404", async () => {
    const first = await createFeed(a.otherRep.token);
    expect(first.url).toMatch(/^http:\/\/localhost:3000\/api\/v1\/calendar\/oqc_[A-Za-z0-9_-]{43}\.ics$/);
    await fetchEvents(first);
    const status = await get("/calendar/feed", { token: a.otherRep.token });
    expect(status.body).toMatchObject({ active: true, token_hint: `${first.token.slice(0, 4)}…${first.token.slice(-4)}` });
    expect(status.body.last_fetched_at).not.toBeNull();
    expect(JSON.stringify(status.body)).not.toContain(first.token);

    const rotated = await createFeed(a.otherRep.token);
    expect(rotated.token).not.toBe(first.token);
    expect((await get(feedPath(first))).status).toBe(404);
    await fetchEvents(rotated);

    expect((await del("/calendar/feed", { token: a.otherRep.token })).status).toBe(204);
    expect((await get(feedPath(rotated))).status).toBe(404);
    expect((await get("/calendar/feed", { token: a.otherRep.token })).body).toEqual({
      active: false,
      token_hint: null,
      created_at: null,
      last_fetched_at: null,
    });
    expect((await del("/calendar/feed", { token: a.otherRep.token })).status).toBe(204);
  });

  it("answers 404 to unknown and malformed tokens, and to the URL without .ics", async () => {
    const feed = await createFeed(b.otherRep.token);
    const unknown = `oqc_${"A".repeat(43)}`;
    for (const path of [`calendar/${unknown}.ics`, "calendar/nope.ics"]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
    // Outside the documented path (no ".ics"): the same route folder answers, and must not serve the feed.
    const { GET } = await import("@/app/api/v1/calendar/[token]/route");
    for (const fileName of [feed.token, `${feed.token}.ical`]) {
      const response = await GET(new Request(`http://localhost:3000/api/v1/calendar/${fileName}`), {
        params: Promise.resolve({ token: fileName }),
      });
      expect(response.status, fileName).toBe(404);
    }
  });

  it("a token of tenant A never shows tenant B's data, and the other way round", async () => {
    const dealB = await createOpp(b, b.rep.token, { name: "B deal" });
    const actB = await activity(b.rep.token, { subject: "B call", opportunity_id: dealB.id, due_at: `${dateIn(2)}T10:00:00Z` });
    const feedA = await fetchEvents(await createFeed(a.rep.token));
    const feedB = await fetchEvents(await createFeed(b.rep.token));
    expect(feedA.text).not.toContain(dealB.id);
    expect(feedA.text).not.toContain(actB.id);
    expect(feedB.events.map((e) => e.uid).sort()).toEqual([`activity-${actB.id}@onquota`, `deal-close-${dealB.id}@onquota`].sort());
  });

  it("a deactivated user's feed answers 404", async () => {
    const feed = await createFeed(b.supervisor.token);
    await fetchEvents(feed);
    expect((await patch(`/users/${b.supervisor.userId}`, { is_active: false }, { token: b.admin.token })).status).toBe(200);
    expect((await get(feedPath(feed))).status).toBe(404);
  });
});
