import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveHub } from "@/lib/notifications/live";
import { operations } from "@/lib/openapi/registry";
import { isProblem, send } from "./isolation/call";
import { get, post } from "../helpers/api";
import { freshIp, requestFixtures } from "./isolation/requests";
import { seedWorld, tenantDigest, userOf, ROLE_OF, ROLES, type World } from "./isolation/world";
import { applyMutation, mutationsOf, requiredStatus } from "./fuzz/mutations";

/**
 * Property-based fuzzing of every operation's path parameters, query and body, starting from the valid request
 * of the isolation matrix and changing one thing: a field to a value of the wrong type, a huge or odd string
 * (NUL, lone surrogates), a deep nesting, an out-of-range number or date, an unknown field, a body that is not
 * JSON, a repeated or odd query parameter, a malformed id. Whatever it is, the answer is never a 5xx; an input
 * the operation's schema refuses (and any unknown field) gets a 4xx problem+json and writes nothing.
 */
// 30 fresh random cases per operation on every run (the seed changes each time); FUZZ_RUNS=500 for a deeper pass.
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 30);
let world: World;

beforeAll(async () => {
  world = await seedWorld();
}, 120_000);

afterAll(async () => {
  await liveHub().close();
});

const fuzzed = operations.filter((op) => op.params || op.query || op.body);

describe("fuzzing every operation's input", () => {
  for (const op of fuzzed) {
    it(`${op.id} (${op.method} ${op.path})`, async () => {
      const fixture = requestFixtures[op.id]!;
      const role = fixture.as ?? ROLES.find((r) => !op.roles || op.roles.includes(ROLE_OF[r]))!;
      const token = op.auth === "public" ? undefined : userOf(world.a, role).token;
      const tenants = [world.a.tenantId, world.b.tenantId];
      const example = await fixture.build(world);

      await fc.assert(
        fc.asyncProperty(mutationsOf(op, example), async (mutation) => {
          const request = applyMutation(await fixture.build(world), mutation);
          const required = requiredStatus(op, request, mutation);
          const before = await tenantDigest(tenants);
          const response = await send(op, request, token);
          const context = `${JSON.stringify(mutation).slice(0, 300)} → ${response.status} ${response.text.slice(0, 300)}`;
          expect(response.status, context).toBeLessThan(500);
          if (required !== null) expect(response.status, context).toBe(required);
          if (response.status >= 400) {
            expect(isProblem(response), context).toBe(true);
            expect(await tenantDigest(tenants), `nothing written: ${context}`).toBe(before);
          }
        }),
        { numRuns: RUNS_PER_OPERATION },
      );
    }, 120_000);
  }
});

describe("text with a NUL character (PostgreSQL cannot store it)", () => {
  it("is a 422 naming the field, in a body or a query, and nothing is written", async () => {
    const { rep } = world.a;
    const before = await tenantDigest([world.a.tenantId]);
    const created = await post("clients", { name: "Acme\u0000" }, { token: rep.token });
    expect(created.status).toBe(422);
    expect(created.body.errors).toEqual([{ field: "name", message: "must not contain the NUL character" }]);
    const searched = await get("clients?q=a%00", { token: rep.token });
    expect(searched.status).toBe(422);
    expect(searched.body.errors).toEqual([{ field: "q", message: "must not contain the NUL character" }]);
    const registered = await post(
      "auth/register",
      { company_name: "A\u0000", name: "N", email: "nul@test.onquota", password: "long enough" },
      { headers: { "x-forwarded-for": freshIp() } },
    );
    expect(registered.status).toBe(422);
    expect(await tenantDigest([world.a.tenantId])).toBe(before);
  });
});

describe("a date PostgreSQL cannot hold (there is no year 0)", () => {
  it("is a 422, and nothing is written", async () => {
    const before = await tenantDigest([world.a.tenantId]);
    const created = await post(
      "vehicles",
      { name: "Van", plate_number: "Y0", next_maintenance_date: "0000-01-01" },
      { token: world.a.rep.token },
    );
    expect(created.status).toBe(422);
    const quote = await post(
      "quotes",
      { client_id: world.a.clientId, quote_number: "Y0", total_amount: "1.00", valid_until: "0000-01-01" },
      { token: world.a.rep.token },
    );
    expect(quote.status).toBe(422);
    expect(await tenantDigest([world.a.tenantId])).toBe(before);
  });

  it("is a 422 for a report day whose next day no instant can hold (as of 9999-12-31)", async () => {
    const { admin } = world.a;
    const message = "must be a date between 1900-01-01 and 2999-12-31";
    const summary = await get("opportunities/pipeline/summary?as_of=9999-12-31", { token: admin.token });
    expect(summary.status).toBe(422);
    expect(summary.body.errors).toEqual([{ field: "as_of", message }]);
    const funnel = await get("analytics/funnel?from=2026-01-01&to=9999-12-31", { token: admin.token });
    expect(funnel.status).toBe(422);
    expect(funnel.body.errors).toEqual([{ field: "to", message }]);
    expect((await get("opportunities/pipeline/summary?as_of=2999-12-31", { token: admin.token })).status).toBe(200);
  });
});
