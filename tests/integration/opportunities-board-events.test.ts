import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as boardEvents } from "@/app/api/v1/opportunities/pipeline/board/events/route";
import { liveHub } from "@/lib/notifications/live";
import { del, patch, put } from "../helpers/api";
import { openSse, type SseClient, type SseEvent } from "../helpers/sse";
import { createOpp, createWorld, type OppWorld } from "./opportunities-helpers";

/** The live board: every open board hears which columns changed, across instances (NOTIFY), within its scope. */

let w: OppWorld;
const open: SseClient[] = [];

beforeAll(async () => {
  w = await createWorld("Board events");
});

afterAll(async () => {
  for (const client of open) client.abort();
  await liveHub().close();
});

async function connect(token: string): Promise<SseClient> {
  const client = await openSse(token, { handler: boardEvents, url: "http://localhost:3000/api/v1/opportunities/pipeline/board/events" });
  open.push(client);
  // The stream says when it is listening; changes committed from then on reach it.
  await client.next("ready");
  return client;
}

const about = (id: string) => (event: SseEvent) => event.json.opportunity_id === id;

describe("GET /opportunities/pipeline/board/events", () => {
  it("tells a manager's board about a deal created, moved and deleted by someone else, naming the columns", async () => {
    const manager = await connect(w.supervisor.token);
    expect(manager.status).toBe(200);
    expect(manager.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");

    const deal = await createOpp(w, w.rep.token, { name: "Live one" });
    expect((await manager.next("change", about(deal.id))).json).toEqual({
      opportunity_id: deal.id,
      stages: ["LEAD"],
      actor_id: w.rep.userId,
    });

    const moved = await patch(`/opportunities/${deal.id}/stage`, { stage: "QUALIFIED" }, { token: w.rep.token });
    expect(moved.status).toBe(200);
    expect((await manager.next("change", about(deal.id))).json.stages).toEqual(["LEAD", "QUALIFIED"]);

    const deleted = await del(`/opportunities/${deal.id}`, { token: w.admin.token });
    expect(deleted.status).toBe(204);
    expect((await manager.next("change", about(deal.id))).json).toEqual({
      opportunity_id: deal.id,
      stages: ["QUALIFIED"],
      actor_id: w.admin.userId,
    });
  });

  it("tells a rep only about their own deals, including one reassigned away from them", async () => {
    const rep = await connect(w.rep.token);
    const theirs = await createOpp(w, w.supervisor.token, { name: "Other rep's", assigned_to: w.otherRep.userId });
    const mine = await createOpp(w, w.supervisor.token, { name: "Mine", assigned_to: w.rep.userId });
    const { event, skipped } = await rep.nextAfter("change", about(mine.id));
    expect(event.json.stages).toEqual(["LEAD"]);
    expect(skipped.filter(about(theirs.id))).toEqual([]);

    const reassigned = await put(`/opportunities/${mine.id}`, { assigned_to: w.otherRep.userId }, { token: w.supervisor.token });
    expect(reassigned.status).toBe(200);
    expect((await rep.next("change", about(mine.id))).json.stages).toEqual(["LEAD"]);

    const again = await patch(`/opportunities/${theirs.id}/stage`, { stage: "PROPOSAL" }, { token: w.supervisor.token });
    expect(again.status).toBe(200);
    const back = await createOpp(w, w.supervisor.token, { name: "Mine again", assigned_to: w.rep.userId });
    const after = await rep.nextAfter("change", about(back.id));
    expect([...after.skipped, after.event].filter(about(theirs.id))).toEqual([]);
    expect([...after.skipped, after.event].filter(about(mine.id))).toEqual([]);
  });

  it("tells nothing to another company's board", async () => {
    const other = await createWorld("Board events elsewhere");
    const stranger = await connect(other.supervisor.token);
    const ours = await createOpp(w, w.rep.token, { name: "Not for them" });
    const theirs = await createOpp(other, other.rep.token, { name: "Theirs" });
    const { skipped } = await stranger.nextAfter("change", about(theirs.id));
    expect(skipped.filter(about(ours.id))).toEqual([]);
  });

  it("sends nothing when the write is refused", async () => {
    const manager = await connect(w.supervisor.token);
    const deal = await createOpp(w, w.rep.token, { name: "Stale" });
    await manager.next("change", about(deal.id));
    const refused = await patch(
      `/opportunities/${deal.id}/stage`,
      { stage: "QUALIFIED" },
      { token: w.rep.token, headers: { "if-match": '"999"' } },
    );
    expect(refused.status).toBe(412);
    const marker = await createOpp(w, w.rep.token, { name: "Marker" });
    const { skipped } = await manager.nextAfter("change", about(marker.id));
    expect(skipped.filter(about(deal.id))).toEqual([]);
  });
});
