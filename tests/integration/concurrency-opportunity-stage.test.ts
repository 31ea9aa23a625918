/**
 * Many users moving or editing the same deal at the same moment, through the real route handlers: with the
 * same If-Match exactly one write wins and the others get 412 having changed nothing; without If-Match every
 * write that succeeds is applied to the row it was computed from, so the stage history stays one unbroken chain.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { get, patch, put, type ApiResponse } from "../helpers/api";
import { createOpp, createWorld, ifMatch, type OppWorld } from "./opportunities-helpers";

type Transition = { from_stage: string | null; to_stage: string };

let w: OppWorld;

beforeAll(async () => {
  w = await createWorld("Concurrent stage");
});

const moveTo = (id: string, body: Record<string, unknown>, token: string, headers?: Record<string, string>) =>
  patch(`/opportunities/${id}/stage`, body, { token, headers });
const historyOf = async (id: string): Promise<Transition[]> =>
  (await get(`/opportunities/${id}/history`, { token: w.admin.token })).body.items;
const current = async (id: string) => (await get(`/opportunities/${id}`, { token: w.admin.token })).body;
const statusCounts = (responses: ApiResponse[]) =>
  responses.reduce<Record<number, number>>((counts, r) => ({ ...counts, [r.status]: (counts[r.status] ?? 0) + 1 }), {});

/** Ten movers, each with its own target, spread over the three roles allowed to move the rep's deal. */
const TARGETS = [
  { stage: "QUALIFIED" },
  { stage: "PROPOSAL" },
  { stage: "NEGOTIATION" },
  { stage: "CLOSED_WON" },
  { stage: "CLOSED_LOST", loss_reason: "Budget cut" },
  { stage: "QUALIFIED" },
  { stage: "PROPOSAL" },
  { stage: "NEGOTIATION" },
  { stage: "CLOSED_WON" },
  { stage: "CLOSED_LOST", loss_reason: "Went silent" },
];
const moverToken = (i: number) => [w.rep.token, w.supervisor.token, w.admin.token][i % 3]!;

describe("the same If-Match from many clients", () => {
  it.each([2, 10])("lets exactly one of %i concurrent stage moves win; the others get 412 and change nothing", async (movers) => {
    const deal = await createOpp(w, w.rep.token);
    const responses = await Promise.all(TARGETS.slice(0, movers).map((body, i) => moveTo(deal.id, body, moverToken(i), ifMatch(1))));

    expect(statusCounts(responses)).toEqual({ 200: 1, 412: movers - 1 });
    const winner = responses.find((r) => r.status === 200)!.body;
    for (const loser of responses.filter((r) => r.status === 412)) {
      expect(loser.headers.get("content-type")).toBe("application/problem+json");
      expect(loser.body).toMatchObject({ status: 412, title: "Precondition Failed" });
    }
    const stored = await current(deal.id);
    expect(stored).toEqual(winner);
    expect(stored.version).toBe(2);
    expect(await historyOf(deal.id)).toEqual([
      expect.objectContaining({ from_stage: null, to_stage: "LEAD" }),
      expect.objectContaining({ from_stage: "LEAD", to_stage: winner.stage }),
    ]);
  });

  it("raises the won/lost alert once, for the one close that won", async () => {
    const deal = await createOpp(w, w.rep.token);
    const closers = TARGETS.filter((t) => t.stage.startsWith("CLOSED"));
    const responses = await Promise.all(closers.map((body, i) => moveTo(deal.id, body, moverToken(i), ifMatch(1))));
    expect(statusCounts(responses)).toEqual({ 200: 1, 412: closers.length - 1 });
    const alerts = await db().notification.groupBy({ by: ["userId", "title"], where: { relatedEntityId: deal.id }, _count: true });
    const winner = responses.find((r) => r.status === 200)!.body;
    expect(alerts.map((a) => [a.userId, a._count]).sort()).toEqual(
      [
        [w.admin.userId, 1],
        [w.supervisor.userId, 1],
      ].sort(),
    );
    expect(alerts.every((a) => a.title.startsWith(winner.stage === "CLOSED_WON" ? "Deal won" : "Deal lost"))).toBe(true);
  });

  it("lets exactly one of ten concurrent PUTs win; the others get 412 and the name is the winner's", async () => {
    const deal = await createOpp(w, w.rep.token);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        put(
          `/opportunities/${deal.id}`,
          { name: `Edit ${i}`, estimated_value: `${i + 1}000.00` },
          { token: moverToken(i), headers: ifMatch(1) },
        ),
      ),
    );
    expect(statusCounts(responses)).toEqual({ 200: 1, 412: 9 });
    const winner = responses.find((r) => r.status === 200)!.body;
    expect(await current(deal.id)).toEqual(winner);
    expect(winner).toMatchObject({ version: 2, name: expect.stringMatching(/^Edit \d$/) });
    expect(winner.estimated_value).toBe(`${Number(winner.name.slice(5)) + 1}000.00`);
  });
});

describe("concurrent moves without If-Match", () => {
  it("applies each successful move to the state it saw: one history row per stage change, an unbroken chain", async () => {
    const deal = await createOpp(w, w.rep.token);
    const openTargets = ["QUALIFIED", "PROPOSAL", "NEGOTIATION", "LEAD"];
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => moveTo(deal.id, { stage: openTargets[i % 4] }, moverToken(i))),
    );

    // Writers take turns on the row lock, so each move is planned from the state the previous one left.
    const counts = statusCounts(responses);
    expect(Object.keys(counts).every((status) => status === "200" || status === "409")).toBe(true);
    const applied = responses.filter((r) => r.status === 200).map((r) => r.body);
    expect(applied.length).toBeGreaterThan(0);

    // Successful writes got distinct, consecutive versions; replaying them in version order gives the history.
    const ordered = [...applied].sort((a, b) => a.version - b.version);
    expect(ordered.map((o) => o.version)).toEqual(ordered.map((_, i) => i + 2));
    const expected: Transition[] = [{ from_stage: null, to_stage: "LEAD" }];
    let stage = "LEAD";
    for (const state of ordered) {
      if (state.stage !== stage) expected.push({ from_stage: stage, to_stage: state.stage });
      stage = state.stage;
    }
    const history = await historyOf(deal.id);
    const pairs = (list: Transition[]) => list.map((h) => `${h.from_stage}→${h.to_stage}`);
    expect(pairs(history).sort()).toEqual(pairs(expected).sort());
    for (let i = 1; i < history.length; i++) expect(history[i]!.from_stage).toBe(history[i - 1]!.to_stage);

    const stored = await current(deal.id);
    expect(stored).toEqual(ordered.at(-1));
    expect(stored.version).toBe(applied.length + 1);
  });

  it("lets twenty parallel moves of one open deal take turns: every one succeeds, each on the row the previous left", async () => {
    const deal = await createOpp(w, w.rep.token);
    const openTargets = ["QUALIFIED", "PROPOSAL", "NEGOTIATION", "LEAD"];
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => moveTo(deal.id, { stage: openTargets[i % 4] }, moverToken(i))),
    );
    expect(statusCounts(responses)).toEqual({ 200: 20 });
    expect(responses.map((r) => r.body.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    const history = await historyOf(deal.id);
    for (let i = 1; i < history.length; i++) expect(history[i]!.from_stage).toBe(history[i - 1]!.to_stage);
    expect((await current(deal.id)).version).toBe(21);
  });

  it("closes a deal once when ten clients close it at the same moment; the other outcome gets 409", async () => {
    const deal = await createOpp(w, w.rep.token);
    const closers = TARGETS.filter((t) => t.stage.startsWith("CLOSED"));
    const bodies = [...closers, ...closers, ...closers].slice(0, 10);
    const responses = await Promise.all(bodies.map((body, i) => moveTo(deal.id, body, moverToken(i))));
    const stored = await current(deal.id);
    // Closing again as the same outcome is a no-op on a closed card (it stays in its column); the other outcome is refused.
    responses.forEach((response, i) => expect(response.status, bodies[i]!.stage).toBe(bodies[i]!.stage === stored.stage ? 200 : 409));
    expect(await historyOf(deal.id)).toEqual([
      expect.objectContaining({ from_stage: null, to_stage: "LEAD" }),
      expect.objectContaining({ from_stage: "LEAD", to_stage: stored.stage }),
    ]);
    expect(stored.version).toBe(1 + responses.filter((r) => r.status === 200).length);
  });
});
