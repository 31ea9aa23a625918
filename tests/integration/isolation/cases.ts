import { expect } from "vitest";
import type { Operation } from "@/lib/http/operation";
import type { ApiResponse } from "../../helpers/api";
import type { TestUser } from "../../helpers/fixtures";
import { isProblem, send } from "./call";
import { bodyKeys, queryFields } from "./query-fields";
import { requestFixtures, type ApiRequest, type RequestFixture } from "./requests";
import { idsOfTenant, idsOwnedBy, leakedIds, ROLE_OF, ROLES, tenantDigest, userOf, type RoleName, type World } from "./world";

/** One generated case of the isolation matrix. */
export type MatrixCase = { name: string; run: (world: World) => Promise<void> };

const allowedRoles = (op: Operation): RoleName[] => ROLES.filter((role) => !op.roles || op.roles.includes(ROLE_OF[role]));
const validCaller = (op: Operation, fixture: RequestFixture): RoleName =>
  fixture.as ?? (allowedRoles(op).includes("rep") ? "rep" : allowedRoles(op)[0]!);
const describeCall = (response: ApiResponse) => `${response.status} ${response.text.slice(0, 300)}`;

/** A refusal that must leave both tenants exactly as they were. */
async function expectRefused(
  world: World,
  op: Operation,
  fixture: RequestFixture,
  caller: (w: World) => TestUser | undefined,
  status: number,
) {
  const request = await fixture.build(world);
  const before = await tenantDigest([world.a.tenantId, world.b.tenantId]);
  const response = await send(op, request, caller(world)?.token);
  expect(response.status, describeCall(response)).toBe(status);
  expect(isProblem(response), "a problem+json body").toBe(true);
  expect(await tenantDigest([world.a.tenantId, world.b.tenantId]), "nothing written").toBe(before);
}

async function expectSuccess(world: World, op: Operation, fixture: RequestFixture, role: RoleName | undefined) {
  const request = await fixture.build(world);
  const response = await send(op, request, role && userOf(world.a, role).token);
  expect(response.status, describeCall(response)).toBe(fixture.status ?? op.successStatus ?? 200);
  if (op.response && response.body !== null && !op.responseContentType) {
    const parsed = op.response.safeParse(response.body);
    expect(parsed.error?.issues ?? [], "the response matches the documented schema").toEqual([]);
  }
}

/** A read by someone who may call the operation but must see none of `hidden` (ids of rows not theirs). */
async function expectNothingOf(
  world: World,
  op: Operation,
  request: ApiRequest,
  caller: TestUser,
  hidden: (w: World) => Promise<string[]>,
) {
  const response = await send(op, request, caller.token);
  expect(response.status, describeCall(response)).toBe(200);
  expect(leakedIds(response.body, await hidden(world))).toEqual([]);
}

/** The filter values worth trying against a list: every choice, and ids of rows the caller must not see. */
function filterVariants(
  op: Operation,
  foreignIds: (w: World) => string[],
): Array<{ label: string; query: (w: World) => Record<string, string> }> {
  return queryFields(op.query).flatMap((field) => {
    if (field.kind === "choice")
      return field.values.map((value) => ({ label: `${field.name}=${value}`, query: () => ({ [field.name]: value }) }));
    if (field.kind === "id")
      return [0, 1, 2].map((i) => ({
        label: `${field.name}=<their id #${i + 1}>`,
        query: (w: World) => ({ [field.name]: foreignIds(w)[i]! }),
      }));
    return [];
  });
}

const foreignToB = (w: World) => [w.a.rep.userId, w.a.clientId, w.a.admin.userId];
const othersOfRep = (w: World) => [w.a.rep.userId, w.a.clientId, w.a.supervisor.userId];

function readCases(op: Operation, fixture: RequestFixture): MatrixCase[] {
  const cases: MatrixCase[] = [];
  type Reader = { who: string; caller: (w: World) => TestUser; hidden: (w: World) => Promise<string[]>; foreign: (w: World) => string[] };
  const readers: Reader[] = allowedRoles(op).map((role) => ({
    who: `the other tenant's ${role}`,
    caller: (w: World) => userOf(w.b, role),
    hidden: (w: World) => idsOfTenant(w.a.tenantId),
    foreign: foreignToB,
  }));
  if (allowedRoles(op).includes("rep"))
    readers.push({ who: "the other rep", caller: (w) => w.a.otherRep, hidden: (w) => idsOwnedBy(w.a.rep.userId), foreign: othersOfRep });
  for (const reader of readers) {
    cases.push({
      name: `${op.id}: ${reader.who} sees none of their rows`,
      run: async (w) => {
        if (op.responseContentType === "text/event-stream") return expectSuccessFor(op, fixture, w, reader.caller(w));
        await expectNothingOf(w, op, await fixture.build(w), reader.caller(w), reader.hidden);
      },
    });
    for (const variant of filterVariants(op, reader.foreign))
      cases.push({
        name: `${op.id}?${variant.label}: ${reader.who} sees none of their rows`,
        run: async (w) => {
          const request = await fixture.build(w);
          await expectNothingOf(
            w,
            op,
            { ...request, query: { ...Object.fromEntries(new URLSearchParams(request.query ?? {})), ...variant.query(w) } },
            reader.caller(w),
            reader.hidden,
          );
        },
      });
  }
  return cases;
}

async function expectSuccessFor(op: Operation, fixture: RequestFixture, w: World, caller: TestUser) {
  const response = await send(op, await fixture.build(w), caller.token);
  expect(response.status, describeCall(response)).toBe(200);
}

/** Writes to a collection by the other tenant: a request naming tenant A's rows is refused; any other leaves tenant A untouched. */
function collectionWriteCases(op: Operation, fixture: RequestFixture): MatrixCase[] {
  return allowedRoles(op).map((role) => ({
    name: `${op.id}: the other tenant's ${role} cannot write through tenant A's rows`,
    run: async (w) => {
      const request = await fixture.build(w);
      const namesForeignRows = leakedIds(request.body, await idsOfTenant(w.a.tenantId)).length > 0;
      const [beforeA, beforeBoth] = await Promise.all([tenantDigest([w.a.tenantId]), tenantDigest([w.a.tenantId, w.b.tenantId])]);
      const response = await send(op, request, userOf(w.b, role).token);
      if (namesForeignRows) {
        expect(response.status, describeCall(response)).toBeGreaterThanOrEqual(400);
        expect(response.status, describeCall(response)).toBeLessThan(500);
        expect(isProblem(response)).toBe(true);
        expect(await tenantDigest([w.a.tenantId, w.b.tenantId]), "nothing written").toBe(beforeBoth);
      } else {
        expect(response.status, describeCall(response)).toBeLessThan(300);
        expect(await tenantDigest([w.a.tenantId]), "tenant A untouched").toBe(beforeA);
      }
    },
  }));
}

/** Body fields that name a row, and the other tenant's row of that kind. */
const REFERENCES: Record<string, (w: World) => unknown> = {
  client_id: (w) => w.b.clientId,
  assigned_to: (w) => w.b.rep.userId,
  sales_rep_id: (w) => w.b.rep.userId,
  before_id: (w) => w.b.opportunityId,
  after_id: (w) => w.b.opportunityId,
  user_ids: (w) => [w.b.rep.userId],
  opportunity_id: (w) => w.b.opportunityId,
};

async function expectRefusedBody(
  w: World,
  op: Operation,
  fixture: RequestFixture,
  role: RoleName,
  change: Record<string, unknown>,
  status?: number,
) {
  const request = await fixture.build(w);
  const before = await tenantDigest([w.a.tenantId, w.b.tenantId]);
  const response = await send(op, { ...request, body: { ...(request.body as object), ...change } }, userOf(w.a, role).token);
  if (status) expect(response.status, describeCall(response)).toBe(status);
  expect(response.status, describeCall(response)).toBeGreaterThanOrEqual(400);
  expect(response.status, describeCall(response)).toBeLessThan(500);
  expect(isProblem(response)).toBe(true);
  expect(await tenantDigest([w.a.tenantId, w.b.tenantId]), "nothing written").toBe(before);
}

/** A body naming another tenant's row (any caller), or a rep naming someone else as the owner, is refused. */
function referenceCases(op: Operation, fixture: RequestFixture): MatrixCase[] {
  const caller = validCaller(op, fixture);
  const cases: MatrixCase[] = bodyKeys(op.body)
    .filter((key) => REFERENCES[key])
    .map((key) => ({
      name: `${op.id}: ${key} of the other tenant → 4xx`,
      run: (w) => expectRefusedBody(w, op, fixture, caller, { [key]: REFERENCES[key]!(w) }),
    }));
  const ownerField = fixture.ownerField;
  if (ownerField && allowedRoles(op).includes("rep"))
    cases.push({
      name: `${op.id}: a rep naming the other rep as ${ownerField} → 403`,
      run: (w) => expectRefusedBody(w, op, fixture, "rep", { [ownerField]: w.a.otherRep.userId }, 403),
    });
  return cases;
}

/** Every case of one operation. */
export function casesOf(op: Operation): MatrixCase[] {
  const fixture = requestFixtures[op.id];
  if (!fixture) return [];
  if (op.auth === "public")
    return [
      { name: `${op.id}: anyone → ${fixture.status ?? op.successStatus ?? 200}`, run: (w) => expectSuccess(w, op, fixture, undefined) },
    ];

  const allowed = allowedRoles(op);
  const owner = validCaller(op, fixture);
  const cases: MatrixCase[] = [{ name: `${op.id}: anonymous → 401`, run: (w) => expectRefused(w, op, fixture, () => undefined, 401) }];
  for (const role of ROLES.filter((r) => !allowed.includes(r)))
    cases.push({ name: `${op.id}: ${role} → 403`, run: (w) => expectRefused(w, op, fixture, (x) => userOf(x.a, role), 403) });
  for (const role of fixture.perUser ? [owner] : allowed)
    cases.push({
      name: `${op.id}: ${role} → ${fixture.status ?? op.successStatus ?? 200}`,
      run: (w) => expectSuccess(w, op, fixture, role),
    });

  if (op.params) {
    for (const role of allowed)
      cases.push({
        name: `${op.id}: the other tenant's ${role} → 404`,
        run: (w) => expectRefused(w, op, fixture, (x) => userOf(x.b, role), 404),
      });
    if (fixture.perUser) {
      for (const role of allowed.filter((r) => r !== owner))
        cases.push({
          name: `${op.id}: the ${role}, not its owner → 404`,
          run: (w) => expectRefused(w, op, fixture, (x) => userOf(x.a, role), 404),
        });
    }
    if ((op.ownerScoped || fixture.perUser) && allowed.includes("rep"))
      cases.push({ name: `${op.id}: the other rep → 404`, run: (w) => expectRefused(w, op, fixture, (x) => x.a.otherRep, 404) });
  } else if (op.method === "GET") {
    cases.push(...readCases(op, fixture));
  } else {
    cases.push(...collectionWriteCases(op, fixture));
  }
  cases.push(...referenceCases(op, fixture));
  return cases;
}
