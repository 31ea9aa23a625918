import { beforeAll, describe, expect, it } from "vitest";
import { get, patch } from "../helpers/api";
import { createOpp, createWorld, dateIn, fieldsOf, type OppWorld } from "./opportunities-helpers";

let w: OppWorld;
const names = (body: { items: { name: string }[] }) => body.items.map((o) => o.name);

/** A fresh tenant: 25 of the rep's deals, 3 of the other rep's, 2 stages, 2 clients. */
beforeAll(async () => {
  w = await createWorld("List");
  for (let i = 1; i <= 25; i++) {
    await createOpp(w, w.rep.token, {
      name: `Rep deal ${String(i).padStart(2, "0")}`,
      estimated_value: `${i * 100}.00`,
      stage: i % 5 === 0 ? "PROPOSAL" : "LEAD",
      client_id: i <= 3 ? w.otherClientId : w.clientId,
      expected_close_date: dateIn(100 - i),
    });
  }
  for (const name of ["Other 50% off", "Other 500 units", "Other under_score"]) await createOpp(w, w.otherRep.token, { name });
});

describe("list", () => {
  it("paginates with the contract's envelope, newest first by default", async () => {
    const first = await get("/opportunities?page_size=10", { token: w.admin.token });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 28, page: 1, page_size: 10, total_pages: 3 });
    expect(first.body.items).toHaveLength(10);
    expect(first.body.items[0].name).toBe("Other under_score");
    const third = await get("/opportunities?page_size=10&page=3", { token: w.admin.token });
    expect(third.body.items).toHaveLength(8);
    const all = [
      ...first.body.items,
      ...(await get("/opportunities?page_size=10&page=2", { token: w.admin.token })).body.items,
      ...third.body.items,
    ];
    expect(new Set(all.map((o: { id: string }) => o.id)).size).toBe(28);
  });

  it("defaults to 20 per page; a page beyond the last is empty with the true total", async () => {
    const res = await get("/opportunities", { token: w.admin.token });
    expect(res.body).toMatchObject({ total: 28, page: 1, page_size: 20, total_pages: 2 });
    const beyond = await get("/opportunities?page=9", { token: w.admin.token });
    expect(beyond.status).toBe(200);
    expect(beyond.body).toMatchObject({ items: [], total: 28, page: 9, total_pages: 2 });
  });

  it("accepts page_size 100 and rejects 101, 0 and page 0 (422)", async () => {
    expect((await get("/opportunities?page_size=100", { token: w.admin.token })).body.items).toHaveLength(28);
    for (const [query, field] of [
      ["page_size=101", "page_size"],
      ["page_size=0", "page_size"],
      ["page=0", "page"],
      ["page=abc", "page"],
    ]) {
      const res = await get(`/opportunities?${query}`, { token: w.admin.token });
      expect(res.status, query).toBe(422);
      expect(fieldsOf(res.body)).toEqual([field]);
    }
  });

  it("filters by stage", async () => {
    const res = await get("/opportunities?stage=PROPOSAL&sort=name", { token: w.admin.token });
    expect(names(res.body)).toEqual(["Rep deal 05", "Rep deal 10", "Rep deal 15", "Rep deal 20", "Rep deal 25"]);
    expect((await get("/opportunities?stage=NOPE", { token: w.admin.token })).status).toBe(422);
  });

  it("filters by assignee and client", async () => {
    expect((await get(`/opportunities?assigned_to=${w.otherRep.userId}`, { token: w.supervisor.token })).body.total).toBe(3);
    const byClient = await get(`/opportunities?client_id=${w.otherClientId}&sort=name`, { token: w.admin.token });
    expect(names(byClient.body)).toEqual(["Rep deal 01", "Rep deal 02", "Rep deal 03"]);
    expect((await get(`/opportunities?client_id=${w.otherClientId}&stage=PROPOSAL`, { token: w.admin.token })).body.total).toBe(0);
    expect((await get(`/opportunities?assigned_to=nope`, { token: w.admin.token })).status).toBe(422);
  });

  it("searches names case-insensitively and literally (% and _ are not wildcards)", async () => {
    expect(names((await get("/opportunities?q=REP%20DEAL%202&sort=name", { token: w.admin.token })).body)).toEqual([
      "Rep deal 20",
      "Rep deal 21",
      "Rep deal 22",
      "Rep deal 23",
      "Rep deal 24",
      "Rep deal 25",
    ]);
    expect(names((await get(`/opportunities?q=${encodeURIComponent("50%")}`, { token: w.admin.token })).body)).toEqual(["Other 50% off"]);
    expect(names((await get(`/opportunities?q=${encodeURIComponent("p_d")}`, { token: w.admin.token })).body)).toEqual([]);
    expect(names((await get(`/opportunities?q=${encodeURIComponent("under_")}`, { token: w.admin.token })).body)).toEqual([
      "Other under_score",
    ]);
  });

  it("sorts by each field both ways with a stable id tiebreak", async () => {
    const byValue = await get("/opportunities?sort=-estimated_value&page_size=3&assigned_to=" + w.rep.userId, { token: w.admin.token });
    expect(names(byValue.body)).toEqual(["Rep deal 25", "Rep deal 24", "Rep deal 23"]);
    const byDate = await get("/opportunities?sort=expected_close_date&page_size=2&assigned_to=" + w.rep.userId, { token: w.admin.token });
    expect(names(byDate.body)).toEqual(["Rep deal 25", "Rep deal 24"]);
    const byStage = await get("/opportunities?sort=-stage&page_size=5", { token: w.admin.token });
    expect(byStage.body.items.every((o: { stage: string }) => o.stage === "PROPOSAL")).toBe(true);
    const byProbability = await get("/opportunities?sort=probability&page_size=100", { token: w.admin.token });
    const probabilities = byProbability.body.items.map((o: { probability: string }) => Number(o.probability));
    expect(probabilities).toEqual([...probabilities].sort((a, b) => a - b));
    // Equal probabilities: the id decides, so the order is total and pages never overlap.
    const tied = byProbability.body.items
      .filter((o: { probability: string }) => o.probability === "10.00")
      .map((o: { id: string }) => o.id);
    expect(tied).toEqual([...tied].sort());
    for (const sort of ["created_at", "-name", "-probability", "-expected_close_date"]) {
      expect((await get(`/opportunities?sort=${sort}`, { token: w.admin.token })).status).toBe(200);
    }
    const bad = await get("/opportunities?sort=tenant_id", { token: w.admin.token });
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.body)).toEqual(["sort"]);
  });

  it("shows a rep only their own deals; asking for someone else's gives an empty list", async () => {
    expect((await get("/opportunities?page_size=100", { token: w.rep.token })).body.total).toBe(25);
    expect((await get("/opportunities", { token: w.otherRep.token })).body.total).toBe(3);
    const snoop = await get(`/opportunities?assigned_to=${w.otherRep.userId}`, { token: w.rep.token });
    expect(snoop.status).toBe(200);
    expect(snoop.body).toMatchObject({ items: [], total: 0 });
    expect((await get(`/opportunities?assigned_to=${w.rep.userId}`, { token: w.rep.token })).body.total).toBe(25);
  });

  it("serializes list items exactly as the single read does, client and assignee included", async () => {
    const res = await get("/opportunities?page_size=100", { token: w.admin.token });
    for (const item of res.body.items) {
      expect(item.client).toEqual({ id: item.client_id, name: expect.any(String) });
      expect(item.assigned_user.id).toBe(item.assigned_to);
    }
    for (const item of res.body.items.slice(0, 5)) {
      expect(item).toEqual((await get(`/opportunities/${item.id}`, { token: w.admin.token })).body);
    }
  });

  it("reflects stage changes in the stage filter", async () => {
    const created = await createOpp(w, w.otherRep.token, { name: "Mover" });
    await patch(`/opportunities/${created.id}/stage`, { stage: "NEGOTIATION" }, { token: w.otherRep.token });
    expect(names((await get("/opportunities?stage=NEGOTIATION", { token: w.admin.token })).body)).toEqual(["Mover"]);
  });
});
