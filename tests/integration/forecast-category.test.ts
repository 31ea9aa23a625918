import { beforeAll, describe, expect, it } from "vitest";
import { get, patch, post, put } from "../helpers/api";
import { createOpp, createWorld, type OppWorld } from "./opportunities-helpers";

let w: OppWorld;
let other: OppWorld;
beforeAll(async () => {
  [w, other] = await Promise.all([createWorld("Forecast categories"), createWorld("Forecast categories other")]);
});

const dealOf = async (id: string) => (await get(`/opportunities/${id}`, { token: w.admin.token })).body;
const changesOf = async (id: string) =>
  (await get(`/opportunities/${id}/changes`, { token: w.admin.token })).body.items.filter(
    (c: { field: string }) => c.field === "forecast_category",
  );

describe("forecast category of a deal", () => {
  it("follows the stage's setting until set by hand, and then keeps the hand-set one across stage moves", async () => {
    const deal = await createOpp(w, w.rep.token, { name: "Follows" });
    expect(deal).toMatchObject({ forecast_category: "PIPELINE", forecast_category_is_custom: false });
    await patch(`/opportunities/${deal.id}/stage`, { stage: "PROPOSAL" }, { token: w.rep.token });
    expect(await dealOf(deal.id)).toMatchObject({ forecast_category: "BEST_CASE", forecast_category_is_custom: false });

    const set = await put(`/opportunities/${deal.id}`, { forecast_category: "COMMIT" }, { token: w.rep.token });
    expect(set.status, set.text).toBe(200);
    expect(set.body).toMatchObject({ forecast_category: "COMMIT", forecast_category_is_custom: true });
    await patch(`/opportunities/${deal.id}/stage`, { stage: "QUALIFIED" }, { token: w.rep.token });
    expect(await dealOf(deal.id)).toMatchObject({ forecast_category: "COMMIT", forecast_category_is_custom: true });

    const back = await put(`/opportunities/${deal.id}`, { forecast_category: null }, { token: w.rep.token });
    expect(back.body).toMatchObject({ forecast_category: "PIPELINE", forecast_category_is_custom: false });
  });

  it("follows an admin's change of the stage setting", async () => {
    const deal = await createOpp(w, w.rep.token, { name: "Setting", stage: "QUALIFIED" });
    const res = await put("/pipeline/stages", { stages: [{ stage: "QUALIFIED", forecast_category: "OMITTED" }] }, { token: w.admin.token });
    expect(res.status, res.text).toBe(200);
    expect((await dealOf(deal.id)).forecast_category).toBe("OMITTED");
    await put("/pipeline/stages", { stages: [{ stage: "QUALIFIED", forecast_category: "PIPELINE" }] }, { token: w.admin.token });
  });

  it("is recorded in the change log with who set it", async () => {
    const deal = await createOpp(w, w.rep.token, { name: "Logged" });
    await put(`/opportunities/${deal.id}`, { forecast_category: "BEST_CASE" }, { token: w.supervisor.token });
    await put(`/opportunities/${deal.id}`, { forecast_category: "BEST_CASE" }, { token: w.rep.token });
    await put(`/opportunities/${deal.id}`, { forecast_category: null }, { token: w.rep.token });
    const changes = await changesOf(deal.id);
    expect(changes.map((c: { old_value: string | null; new_value: string | null }) => [c.old_value, c.new_value])).toEqual([
      [null, "BEST_CASE"],
      ["BEST_CASE", null],
    ]);
    expect(changes[0].changed_by.id).toBe(w.supervisor.userId);
    expect(changes[1].changed_by.id).toBe(w.rep.userId);
  });

  it("is set by the owner and managers only; closed deals are final; a bad value is 422", async () => {
    const deal = await createOpp(w, w.rep.token, { name: "Rules" });
    expect((await put(`/opportunities/${deal.id}`, { forecast_category: "COMMIT" }, { token: w.otherRep.token })).status).toBe(404);
    expect((await put(`/opportunities/${deal.id}`, { forecast_category: "COMMIT" }, { token: other.admin.token })).status).toBe(404);
    expect((await put(`/opportunities/${deal.id}`, { forecast_category: "COMMIT" }, { token: w.admin.token })).status).toBe(200);
    const bad = await put(`/opportunities/${deal.id}`, { forecast_category: "MAYBE" }, { token: w.rep.token });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain("forecast_category");

    await patch(`/opportunities/${deal.id}/stage`, { stage: "CLOSED_WON" }, { token: w.rep.token });
    expect(await dealOf(deal.id)).toMatchObject({ forecast_category: null });
    expect((await put(`/opportunities/${deal.id}`, { forecast_category: "PIPELINE" }, { token: w.rep.token })).status).toBe(409);
  });

  it("shows on the board cards and in the list", async () => {
    const deal = await createOpp(w, w.rep.token, { name: "On the board", stage: "NEGOTIATION" });
    const board = await get("/opportunities/pipeline/board", { token: w.rep.token });
    expect(board.status, board.text).toBe(200);
    const card = board.body.stages.flatMap((s: { items: { id: string }[] }) => s.items).find((c: { id: string }) => c.id === deal.id);
    expect(card.fc).toBe("COMMIT");
    const list = await get("/opportunities?q=On%20the%20board", { token: w.rep.token });
    expect(list.body.items[0].forecast_category).toBe("COMMIT");
  });

  it("bulk set_forecast_category: each deal with the single update's rules", async () => {
    const mine = await createOpp(w, w.rep.token, { name: "Bulk mine" });
    const theirs = await createOpp(w, w.otherRep.token, { name: "Bulk theirs" });
    const closed = await createOpp(w, w.rep.token, { name: "Bulk closed" });
    await patch(`/opportunities/${closed.id}/stage`, { stage: "CLOSED_LOST", loss_reason: "Budget" }, { token: w.rep.token });
    const res = await post(
      "/opportunities/bulk",
      { action: "set_forecast_category", ids: [mine.id, theirs.id, closed.id], forecast_category: "OMITTED" },
      { token: w.rep.token },
    );
    expect(res.status, res.text).toBe(200);
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([200, 404, 409]);
    expect((await dealOf(mine.id)).forecast_category).toBe("OMITTED");
    expect((await dealOf(theirs.id)).forecast_category).toBe("PIPELINE");
    expect(await changesOf(mine.id)).toHaveLength(1);

    const byManager = await post(
      "/opportunities/bulk",
      { action: "set_forecast_category", ids: [mine.id, theirs.id], forecast_category: null },
      { token: w.supervisor.token },
    );
    expect(byManager.body).toMatchObject({ succeeded: 2, failed: 0 });
    expect((await dealOf(mine.id)).forecast_category_is_custom).toBe(false);
  });

  it("filters the list by category and close date (the forecast's click-through)", async () => {
    const [a, b] = [
      await createOpp(w, w.rep.token, { name: "Filter A", stage: "NEGOTIATION", expected_close_date: "2031-03-10" }),
      await createOpp(w, w.rep.token, { name: "Filter B", stage: "PROPOSAL", expected_close_date: "2031-03-20" }),
    ];
    const ids = async (query: string) =>
      (await get(`/opportunities?q=Filter&${query}`, { token: w.rep.token })).body.items.map((d: { id: string }) => d.id).sort();
    expect(await ids("forecast_category=COMMIT")).toEqual([a.id]);
    expect(await ids("close_from=2031-03-15&close_to=2031-03-31")).toEqual([b.id]);
    expect(await ids("forecast_category=COMMIT&close_from=2031-03-15")).toEqual([]);
    await put(`/opportunities/${b.id}`, { forecast_category: "COMMIT" }, { token: w.rep.token });
    expect(await ids("forecast_category=COMMIT")).toEqual([a.id, b.id].sort());
    expect((await get("/opportunities?close_from=2031-02-30", { token: w.rep.token })).status).toBe(422);
  });
});
