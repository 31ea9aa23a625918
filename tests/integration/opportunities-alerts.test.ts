import { describe, expect, it } from "vitest";
import { get, patch, put } from "../helpers/api";
import { createOpp, createWorld } from "./opportunities-helpers";

const inbox = async (token: string) =>
  (await get("/notifications?page_size=100", { token })).body.items as Array<{
    title: string;
    type: string;
    category: string;
    action_url: string;
    message: string;
  }>;

describe("opportunity alerts", () => {
  it("tells a rep when a supervisor assigns them a deal, and nobody when reps create their own", async () => {
    const world = await createWorld();
    const deal = await createOpp(world, world.supervisor.token, { name: "Assigned Deal", assigned_to: world.rep.userId });
    const repInbox = await inbox(world.rep.token);
    expect(repInbox).toHaveLength(1);
    expect(repInbox[0]).toMatchObject({ type: "INFO", category: "OPPORTUNITY", action_url: `/opportunities/${deal.id}` });
    expect(repInbox[0]!.title).toContain("Assigned Deal");

    await createOpp(world, world.otherRep.token, { name: "Own Deal" });
    expect(await inbox(world.otherRep.token)).toHaveLength(0);

    await put(`/opportunities/${deal.id}`, { assigned_to: world.otherRep.userId }, { token: world.admin.token });
    expect((await inbox(world.otherRep.token)).map((n) => n.title).join()).toContain("Assigned Deal");
  });

  it("tells supervisors and admins when a deal is won or lost, once", async () => {
    const world = await createWorld();
    const won = await createOpp(world, world.rep.token, { name: "Big Win", estimated_value: "12500.50" });
    const lost = await createOpp(world, world.rep.token, { name: "Sad Loss" });
    expect((await patch(`/opportunities/${won.id}/stage`, { stage: "CLOSED_WON" }, { token: world.rep.token })).status).toBe(200);
    expect(
      (await put(`/opportunities/${lost.id}`, { stage: "CLOSED_LOST", loss_reason: "Budget cut" }, { token: world.rep.token })).status,
    ).toBe(200);
    // Reordering a closed card is a write too, but not a new close.
    expect((await patch(`/opportunities/${won.id}/stage`, { stage: "CLOSED_WON" }, { token: world.rep.token })).status).toBe(200);

    for (const manager of [world.supervisor, world.admin]) {
      const items = await inbox(manager.token);
      const winAlerts = items.filter((n) => n.title.includes("Big Win"));
      const lossAlerts = items.filter((n) => n.title.includes("Sad Loss"));
      expect(winAlerts).toHaveLength(1);
      expect(winAlerts[0]).toMatchObject({ type: "SUCCESS", action_url: `/opportunities/${won.id}` });
      expect(winAlerts[0]!.message).toContain("12,500.50");
      expect(lossAlerts).toHaveLength(1);
      expect(lossAlerts[0]).toMatchObject({ type: "WARNING" });
      expect(lossAlerts[0]!.message).toContain("Budget cut");
    }
    expect((await inbox(world.rep.token)).filter((n) => n.title.includes("Big Win"))).toHaveLength(0);
  });
});
