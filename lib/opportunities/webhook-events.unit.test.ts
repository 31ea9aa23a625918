import { describe, expect, it } from "vitest";
import { Decimal } from "@/lib/money";
import type { OpportunityRow } from "./rows";
import { dealWebhookEvents } from "./webhook-events";

const now = new Date("2030-03-01T12:00:00Z");

const deal = (changes: Partial<OpportunityRow> = {}): OpportunityRow => ({
  id: "6f1c2b8e-4b8f-4a55-9f5e-0d6b2f7d9a10",
  tenantId: "0b7c3a55-7a4e-4f7e-9c61-3f2a1d0e9b88",
  name: "Renewal",
  description: null,
  clientId: "a3e1c9a2-6f0b-4d7e-9b1a-2c3d4e5f6a7b",
  assignedTo: "c0ffee00-0000-4000-8000-000000000001",
  createdBy: null,
  estimatedValue: new Decimal("1000.00"),
  currency: "USD",
  baseCurrency: "USD",
  baseValue: new Decimal("1000.00"),
  baseRate: new Decimal("1"),
  probability: new Decimal("20.00"),
  probabilityIsCustom: false,
  expectedCloseDate: new Date("2030-04-01T00:00:00Z"),
  actualCloseDate: null,
  stage: "QUALIFIED",
  lossReason: null,
  lossReasonId: null,
  closeDatePushes: 0,
  boardPosition: 1,
  version: 1,
  isDeleted: false,
  deletedAt: null,
  createdAt: new Date("2030-02-01T00:00:00Z"),
  updatedAt: new Date("2030-02-01T00:00:00Z"),
  client: { id: "a3e1c9a2-6f0b-4d7e-9b1a-2c3d4e5f6a7b", name: "Acme" },
  assignedUser: { id: "c0ffee00-0000-4000-8000-000000000001", name: "Riley", email: "riley@acme.demo" },
  stageEnteredAt: new Date("2030-02-01T00:00:00Z"),
  lastActivityAt: null,
  nextActivity: null,
  staleAfterDays: null,
  forecastCategory: "PIPELINE",
  forecastCategoryIsCustom: false,
  ...changes,
});

const types = (before: OpportunityRow | null, after: OpportunityRow | null) => dealWebhookEvents(before, after, now).map((e) => e.type);

describe("dealWebhookEvents", () => {
  it("a new deal is created; a removed one deleted", () => {
    expect(types(null, deal())).toEqual(["opportunity.created"]);
    expect(types(deal(), null)).toEqual(["opportunity.deleted"]);
  });

  it("an edit is an update; moving the card within its column or a new version alone is not news", () => {
    expect(types(deal(), deal({ name: "Bigger renewal", version: 2 }))).toEqual(["opportunity.updated"]);
    expect(types(deal(), deal({ boardPosition: 7, version: 2, updatedAt: now }))).toEqual([]);
  });

  it("a stage change is an update and a stage change; closing adds won or lost", () => {
    expect(types(deal(), deal({ stage: "PROPOSAL" }))).toEqual(["opportunity.updated", "opportunity.stage_changed"]);
    expect(types(deal(), deal({ stage: "CLOSED_WON" }))).toEqual(["opportunity.updated", "opportunity.stage_changed", "opportunity.won"]);
    expect(types(deal(), deal({ stage: "CLOSED_LOST", lossReason: "Price" }))).toEqual([
      "opportunity.updated",
      "opportunity.stage_changed",
      "opportunity.lost",
    ]);
    const [, changed] = dealWebhookEvents(deal(), deal({ stage: "PROPOSAL" }), now);
    expect(changed!.data).toMatchObject({ stage: "PROPOSAL", previous_stage: "QUALIFIED" });
  });
});
