/**
 * Cards dropped on the board by several users at the same moment: each lands exactly where its user dropped
 * it, none is lost or doubled, even while one of the drops renumbers the column.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { get, patch } from "../helpers/api";
import { createOpp, createWorld, ifMatch, type OppWorld } from "./opportunities-helpers";

let w: OppWorld;

beforeAll(async () => {
  w = await createWorld("Concurrent board");
});

const move = (id: string, body: Record<string, unknown>, token: string, headers?: Record<string, string>) =>
  patch(`/opportunities/${id}/stage`, body, { token, headers });

async function columnIds(tenantToken: string, stage: string): Promise<string[]> {
  const res = await get(`/opportunities/pipeline/board?stage=${stage}&limit=100`, { token: tenantToken });
  expect(res.status).toBe(200);
  return res.body.stages[0].items.map((card: { id: string }) => card.id);
}

/** Cards created one after the other; the board shows the last created on top, so the result is top-down. */
async function cards(world: OppWorld, stage: string, count: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = count - 1; i >= 0; i--) ids.unshift((await createOpp(world, world.rep.token, { name: `${prefix}${i}`, stage })).id);
  return ids;
}

const tokens = () => [w.rep.token, w.supervisor.token, w.admin.token];

describe("concurrent drops on one column", () => {
  it("lands every card dropped into the same slot at once in that slot, each exactly once", async () => {
    const world = await createWorld("Board one slot");
    const [top, below, ...rest] = await cards(world, "LEAD", 4, "L");
    const incoming = await cards(world, "QUALIFIED", 6, "Q");
    const responses = await Promise.all(
      incoming.map((id, i) =>
        move(id, { stage: "LEAD", before_id: top, after_id: below }, [world.rep.token, world.supervisor.token, world.admin.token][i % 3]!),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(incoming.map(() => 200));
    const column = await columnIds(world.admin.token, "LEAD");
    expect(column).toHaveLength(10);
    expect(column[0]).toBe(top);
    expect(new Set(column.slice(1, 7))).toEqual(new Set(incoming));
    expect(column.slice(7)).toEqual([below, ...rest]);
    expect(await columnIds(world.admin.token, "QUALIFIED")).toEqual([]);
  });

  it("puts a card dropped at once to several places with the same If-Match where the one winner put it", async () => {
    const column = await cards(w, "PROPOSAL", 6, "P");
    const moving = column[5]!;
    const slots = [0, 1, 2, 3].map((i) => ({ before_id: column[i], after_id: column[i + 1] }));
    const responses = await Promise.all(slots.map((slot, i) => move(moving, { stage: "PROPOSAL", ...slot }, tokens()[i % 3]!, ifMatch(1))));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 412, 412, 412]);
    const won = slots[responses.findIndex((r) => r.status === 200)]!;
    const order = await columnIds(w.admin.token, "PROPOSAL");
    expect(order).toHaveLength(6);
    expect(order.indexOf(moving)).toBe(order.indexOf(won.before_id!) + 1);
    expect(order.indexOf(won.after_id!)).toBe(order.indexOf(moving) + 1);
  });

  it("keeps concurrent drops in place while another drop renumbers the column", async () => {
    for (let round = 0; round < 3; round++) {
      const world = await createWorld(`Board renumber race ${round}`);
      // Column, top-down: T, X, Y, then anchors A0…A6 spaced normally. X and Y sit on adjacent doubles: a drop between them renumbers.
      const [t, x, y, ...anchors] = await cards(world, "LEAD", 10, "L");
      await db().opportunity.update({ where: { id: t! }, data: { boardPosition: 0 } });
      await db().opportunity.update({ where: { id: x! }, data: { boardPosition: 1 } });
      await db().opportunity.update({ where: { id: y! }, data: { boardPosition: 1 + Number.EPSILON } });
      for (const [i, id] of anchors.entries())
        await db().opportunity.update({ where: { id }, data: { boardPosition: 1_000_000 + i * 1024 } });
      const [squeezed, ...dropped] = await cards(world, "QUALIFIED", 7, "Q");

      const drops = dropped.map((id, i) => ({ id, before: anchors[i]!, after: anchors[i + 1]! }));
      const responses = await Promise.all([
        move(squeezed!, { stage: "LEAD", before_id: x, after_id: y }, world.admin.token),
        ...drops.map((drop, i) =>
          move(drop.id, { stage: "LEAD", before_id: drop.before, after_id: drop.after }, [world.rep.token, world.supervisor.token][i % 2]!),
        ),
      ]);
      expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));

      const order = await columnIds(world.admin.token, "LEAD");
      expect(order).toHaveLength(17);
      expect(order.slice(0, 4)).toEqual([t, x, squeezed, y]);
      for (const drop of drops) {
        const at = order.indexOf(drop.id);
        expect(order.indexOf(drop.before), `round ${round}`).toBeLessThan(at);
        expect(order.indexOf(drop.after), `round ${round}`).toBeGreaterThan(at);
      }
    }
  });
});
