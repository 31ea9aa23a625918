import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, toIsoDate, utcDate } from "@/lib/clock";
import { db } from "@/lib/db/prisma";
import { del, get, post, put } from "../helpers/api";
import { createTestTenant, createTestUser, type TestTenant } from "../helpers/fixtures";

const fieldsOf = (body: { errors: { field: string }[] }) => body.errors.map((e) => e.field).sort();
const inDays = (days: number) => toIsoDate(addDays(utcDate(new Date()), days));

let t: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  [t, other] = await Promise.all([createTestTenant("Vehicles"), createTestTenant("Vehicles other")]);
});

describe("vehicles create and read", () => {
  it("creates a vehicle (201) with its assigned user and reads it back", async () => {
    const created = await post(
      "/vehicles",
      { name: "Van 1", plate_number: " ABC-123 ", assigned_to: t.rep.userId, next_maintenance_date: "2026-04-15" },
      { token: t.rep.token },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      tenant_id: t.tenantId,
      name: "Van 1",
      plate_number: "ABC-123",
      assigned_to: t.rep.userId,
      assigned_user: { id: t.rep.userId, name: t.rep.name, email: t.rep.email },
      next_maintenance_date: "2026-04-15",
    });
    const read = await get(`/vehicles/${created.body.id}`, { token: t.otherRep.token });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it("creates an unassigned vehicle", async () => {
    const created = await post(
      "/vehicles",
      { name: "Truck", plate_number: "TRK-1", next_maintenance_date: "2026-01-01" },
      { token: t.admin.token },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ assigned_to: null, assigned_user: null });
  });

  it("updates partially, unassigns with null and returns the vehicle", async () => {
    const { body: vehicle } = await post(
      "/vehicles",
      { name: "Car", plate_number: "CAR-1", assigned_to: t.otherRep.userId, next_maintenance_date: "2026-02-01" },
      { token: t.admin.token },
    );
    const moved = await put(`/vehicles/${vehicle.id}`, { next_maintenance_date: "2026-08-01" }, { token: t.rep.token });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ name: "Car", next_maintenance_date: "2026-08-01", assigned_to: t.otherRep.userId });
    const unassigned = await put(`/vehicles/${vehicle.id}`, { assigned_to: null }, { token: t.rep.token });
    expect(unassigned.body).toMatchObject({ assigned_to: null, assigned_user: null, next_maintenance_date: "2026-08-01" });
  });
});

describe("vehicles validation", () => {
  it.each([
    ["a bad date", { next_maintenance_date: "2026-13-01" }, ["next_maintenance_date"]],
    ["a date with time", { next_maintenance_date: "2026-01-01T10:00:00Z" }, ["next_maintenance_date"]],
    ["an empty name", { name: "" }, ["name"]],
    ["a long plate", { plate_number: "X".repeat(21) }, ["plate_number"]],
    ["a malformed assignee", { assigned_to: "someone" }, ["assigned_to"]],
  ])("answers 422 for %s", async (_label, overrides, fields) => {
    const res = await post(
      "/vehicles",
      { name: "V", plate_number: "P-1", next_maintenance_date: "2026-01-01", ...overrides },
      { token: t.rep.token },
    );
    expect(res.status).toBe(422);
    expect(fieldsOf(res.body)).toEqual(fields);
  });

  it("answers 422 on assigned_to for an unknown, inactive or foreign user", async () => {
    const inactive = await createTestUser(t.tenantId, "SALES_REP");
    await db().user.update({ where: { id: inactive.userId }, data: { isActive: false } });
    for (const id of [randomUUID(), inactive.userId, other.rep.userId]) {
      const res = await post(
        "/vehicles",
        { name: "V", plate_number: "P", assigned_to: id, next_maintenance_date: "2026-01-01" },
        { token: t.admin.token },
      );
      expect(res.status).toBe(422);
      expect(fieldsOf(res.body)).toEqual(["assigned_to"]);
    }
    const { body: vehicle } = await post(
      "/vehicles",
      { name: "V", plate_number: "P", next_maintenance_date: "2026-01-01" },
      { token: t.admin.token },
    );
    const update = await put(`/vehicles/${vehicle.id}`, { assigned_to: other.rep.userId }, { token: t.admin.token });
    expect(update.status).toBe(422);
    expect(fieldsOf(update.body)).toEqual(["assigned_to"]);
  });
});

describe("vehicles list", () => {
  let lt: TestTenant;

  beforeAll(async () => {
    lt = await createTestTenant("Vehicle list");
    const rows: [string, number][] = [
      ["Later", 30],
      ["Overdue", -3],
      ["Soon", 5],
      ["Today", 0],
      ["Week", 7],
    ];
    for (const [name, days] of rows) {
      const res = await post(
        "/vehicles",
        { name, plate_number: name.toUpperCase(), next_maintenance_date: inDays(days) },
        { token: lt.admin.token },
      );
      expect(res.status).toBe(201);
    }
  });

  it("sorts by next maintenance date and paginates", async () => {
    const all = await get("/vehicles", { token: lt.rep.token });
    expect(all.body.items.map((v: { name: string }) => v.name)).toEqual(["Overdue", "Today", "Soon", "Week", "Later"]);
    const page = await get("/vehicles?page=2&page_size=2", { token: lt.rep.token });
    expect(page.body).toMatchObject({ total: 5, page: 2, page_size: 2, total_pages: 3 });
    expect(page.body.items.map((v: { name: string }) => v.name)).toEqual(["Soon", "Week"]);
    const beyond = await get("/vehicles?page=4&page_size=2", { token: lt.rep.token });
    expect(beyond.body).toMatchObject({ items: [], total: 5, page: 4, total_pages: 3 });
  });

  it("filters with due_within_days (overdue included)", async () => {
    const week = await get("/vehicles?due_within_days=7", { token: lt.rep.token });
    expect(week.body.items.map((v: { name: string }) => v.name)).toEqual(["Overdue", "Today", "Soon", "Week"]);
    const today = await get("/vehicles?due_within_days=0", { token: lt.rep.token });
    expect(today.body.items.map((v: { name: string }) => v.name)).toEqual(["Overdue", "Today"]);
  });

  it("rejects page_size 101 and a bad due_within_days with 422", async () => {
    const big = await get("/vehicles?page_size=101", { token: lt.rep.token });
    expect(big.status).toBe(422);
    expect(fieldsOf(big.body)).toEqual(["page_size"]);
    const bad = await get("/vehicles?due_within_days=-1", { token: lt.rep.token });
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.body)).toEqual(["due_within_days"]);
  });
});

describe("vehicles isolation and deletion", () => {
  it("answers 404 to another tenant's vehicle on GET, PUT and DELETE", async () => {
    const { body: foreign } = await post(
      "/vehicles",
      { name: "Foreign", plate_number: "F-1", next_maintenance_date: "2026-01-01" },
      { token: other.admin.token },
    );
    expect((await get(`/vehicles/${foreign.id}`, { token: t.admin.token })).status).toBe(404);
    expect((await put(`/vehicles/${foreign.id}`, { name: "Mine" }, { token: t.admin.token })).status).toBe(404);
    expect((await del(`/vehicles/${foreign.id}`, { token: t.admin.token })).status).toBe(404);
    expect((await get(`/vehicles/${foreign.id}`, { token: other.rep.token })).body.name).toBe("Foreign");
  });

  it("lets supervisors and admins delete (soft), not reps", async () => {
    const { body: vehicle } = await post(
      "/vehicles",
      { name: "Old", plate_number: "OLD-1", next_maintenance_date: "2026-01-01" },
      { token: t.rep.token },
    );
    expect((await del(`/vehicles/${vehicle.id}`, { token: t.rep.token })).status).toBe(403);
    expect((await del(`/vehicles/${vehicle.id}`, { token: t.admin.token })).status).toBe(204);
    expect((await get(`/vehicles/${vehicle.id}`, { token: t.admin.token })).status).toBe(404);
    expect((await put(`/vehicles/${vehicle.id}`, { name: "Back" }, { token: t.admin.token })).status).toBe(404);
    const list = await get("/vehicles?page_size=100", { token: t.admin.token });
    expect(list.body.items.some((v: { id: string }) => v.id === vehicle.id)).toBe(false);
    const row = await db().vehicle.findUniqueOrThrow({ where: { id: vehicle.id } });
    expect(row.isDeleted).toBe(true);
    expect(row.deletedAt).toBeInstanceOf(Date);

    const { body: another } = await post(
      "/vehicles",
      { name: "Older", plate_number: "OLD-2", next_maintenance_date: "2026-01-01" },
      { token: t.rep.token },
    );
    expect((await del(`/vehicles/${another.id}`, { token: t.supervisor.token })).status).toBe(204);
  });
});
