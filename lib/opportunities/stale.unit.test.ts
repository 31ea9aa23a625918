import { describe, expect, it } from "vitest";
import { daysInStage, isStale, type StaleFacts } from "./stale";

const NOW = new Date("2030-06-10T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const deal = (facts: Partial<StaleFacts> = {}): StaleFacts => ({
  stage: "PROPOSAL",
  stageEnteredAt: daysAgo(11),
  lastActivityAt: null,
  nextActivityDueAt: null,
  staleAfterDays: 10,
  ...facts,
});

describe("daysInStage", () => {
  it("counts whole days since the stage was entered", () => {
    expect(daysInStage(daysAgo(0), NOW)).toBe(0);
    expect(daysInStage(new Date(NOW.getTime() - 86_399_999), NOW)).toBe(0);
    expect(daysInStage(daysAgo(12.5), NOW)).toBe(12);
  });
});

describe("isStale", () => {
  it("is stale past the threshold with nothing done in that time and nothing planned ahead", () => {
    expect(isStale(deal(), NOW)).toBe(true);
  });

  it.each<[string, Partial<StaleFacts>]>([
    ["exactly at the threshold", { stageEnteredAt: daysAgo(10.5) }],
    ["the threshold is off", { staleAfterDays: null }],
    ["the deal is closed", { stage: "CLOSED_WON" }],
    ["an activity was done within the threshold", { lastActivityAt: daysAgo(9) }],
    ["an open activity is due from now on", { nextActivityDueAt: NOW }],
  ])("is not stale when %s", (_label, facts) => {
    expect(isStale(deal(facts), NOW)).toBe(false);
  });

  it.each<[string, Partial<StaleFacts>]>([
    ["the last activity is older than the threshold", { lastActivityAt: daysAgo(10) }],
    ["the next activity is overdue", { nextActivityDueAt: daysAgo(1) }],
  ])("stays stale when %s", (_label, facts) => {
    expect(isStale(deal(facts), NOW)).toBe(true);
  });
});
