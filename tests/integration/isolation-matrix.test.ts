import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveHub } from "@/lib/notifications/live";
import { operations } from "@/lib/openapi/registry";
import { casesOf } from "./isolation/cases";
import { requestFixtures } from "./isolation/requests";
import { seedWorld, type World } from "./isolation/world";

/**
 * Generated from the operation table: every operation × {anonymous, each role it refuses, the other tenant's
 * users, the other rep / another user where rows are someone's own, foreign references in bodies}, plus a
 * success for each allowed role (which proves each request is valid, so the refusals mean isolation).
 */
let world: World;

beforeAll(async () => {
  world = await seedWorld();
}, 120_000);

afterAll(async () => {
  await liveHub().close();
});

describe("the isolation matrix", () => {
  it("has a valid request for every operation of the route table, and none for an unknown one", () => {
    expect(operations.filter((op) => !requestFixtures[op.id]).map((op) => op.id)).toEqual([]);
    expect(Object.keys(requestFixtures).filter((id) => !operations.some((op) => op.id === id))).toEqual([]);
  });

  for (const op of operations) {
    describe(`${op.method} ${op.path}`, () => {
      for (const matrixCase of casesOf(op)) it(matrixCase.name, () => matrixCase.run(world));
    });
  }
});
