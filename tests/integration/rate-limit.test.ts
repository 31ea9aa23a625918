import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { systemClock } from "@/lib/clock";
import { db } from "@/lib/db/prisma";
import { runJob } from "@/lib/jobs";
import { LOGIN_PER_ACCOUNT, LOGIN_PER_IP, REGISTER_PER_IP } from "@/lib/rate-limit";
import { post } from "../helpers/api";
import { createTestTenant, FIXTURE_PASSWORD } from "../helpers/fixtures";

let ipCounter = 0;
/** A fresh client IP per test, so tests never share an IP bucket. */
const freshIp = () => `203.0.113.${++ipCounter}, 10.0.0.${ipCounter}`;
const firstHop = (ip: string) => ip.split(",")[0]!;

const token = (email: string, password: string, ip: string) =>
  post("/auth/token", { email, password }, { headers: { "x-forwarded-for": ip } });

async function expireWindow(key: string) {
  await db().$executeRaw`UPDATE rate_limit_buckets SET window_start = window_start - interval '2 hours' WHERE key = ${key}`;
}

describe("sign-in limits on POST /auth/token", () => {
  it("refuses the 11th wrong password for an account with 429 and Retry-After, until the window ends", async () => {
    const { admin, rep } = await createTestTenant();
    const ip = freshIp();
    const failures = await Promise.all(Array.from({ length: LOGIN_PER_ACCOUNT.max }, () => token(admin.email, "wrong-password", ip)));
    expect(failures.map((r) => r.status)).toEqual(Array(LOGIN_PER_ACCOUNT.max).fill(401));

    const blocked = await token(admin.email, FIXTURE_PASSWORD, ip);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("content-type")).toContain("application/problem+json");
    expect(blocked.body).toMatchObject({ status: 429, title: "Too Many Requests" });
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_PER_ACCOUNT.windowSeconds);

    // Another account from the same IP is not affected by that account's lock.
    expect((await token(rep.email, FIXTURE_PASSWORD, ip)).status).toBe(200);
    // The account lock holds from another IP too.
    expect((await token(admin.email.toUpperCase(), FIXTURE_PASSWORD, freshIp())).status).toBe(429);

    await expireWindow(`login:account:${admin.email}`);
    expect((await token(admin.email, FIXTURE_PASSWORD, ip)).status).toBe(200);
  });

  it("does not count successful sign-ins", async () => {
    const { admin } = await createTestTenant();
    const ip = freshIp();
    // Each attempt holds a hit until it has succeeded, so two batches of `max` stay under the limit only if successes are given back.
    for (let batch = 0; batch < 2; batch++) {
      const successes = await Promise.all(Array.from({ length: LOGIN_PER_ACCOUNT.max }, () => token(admin.email, FIXTURE_PASSWORD, ip)));
      expect(successes.map((r) => r.status)).toEqual(Array(LOGIN_PER_ACCOUNT.max).fill(200));
    }
    expect((await token(admin.email, "wrong-password", ip)).status).toBe(401);
  });

  it("refuses every account from an IP over its limit", async () => {
    const { admin } = await createTestTenant();
    const ip = freshIp();
    const key = `login:ip:${firstHop(ip)}`;
    expect((await token(admin.email, "wrong-password", ip)).status).toBe(401);
    await db().$executeRaw`UPDATE rate_limit_buckets SET count = ${LOGIN_PER_IP.max} WHERE key = ${key}`;

    const blocked = await token(admin.email, FIXTURE_PASSWORD, ip);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await token(admin.email, FIXTURE_PASSWORD, freshIp())).status).toBe(200);

    await expireWindow(key);
    expect((await token(admin.email, FIXTURE_PASSWORD, ip)).status).toBe(200);
  });

  it("counts a concurrent burst exactly", async () => {
    const { admin } = await createTestTenant();
    const ip = freshIp();
    const results = await Promise.all(Array.from({ length: 2 * LOGIN_PER_ACCOUNT.max }, () => token(admin.email, "wrong-password", ip)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(LOGIN_PER_ACCOUNT.max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(LOGIN_PER_ACCOUNT.max);
    const [bucket] = await db().$queryRaw<
      { count: number }[]
    >`SELECT count FROM rate_limit_buckets WHERE key = ${`login:account:${admin.email}`}`;
    expect(bucket!.count).toBe(2 * LOGIN_PER_ACCOUNT.max);
  });
});

describe("registration limit on POST /auth/register", () => {
  const register = (ip: string) =>
    post(
      "/auth/register",
      { company_name: "Limited Co", name: "Lee", email: `lee.${randomUUID().slice(0, 8)}@rate.test`, password: "long enough pw" },
      { headers: { "x-real-ip": ip } },
    );

  it("allows a handful of registrations per IP per hour, then answers 429", async () => {
    const ip = firstHop(freshIp());
    const statuses = await Promise.all(Array.from({ length: REGISTER_PER_IP.max + 3 }, () => register(ip).then((r) => r.status)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(REGISTER_PER_IP.max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);

    const blocked = await register(ip);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(REGISTER_PER_IP.windowSeconds - 120);
    expect((await register(firstHop(freshIp()))).status).toBe(201);

    await expireWindow(`register:ip:${ip}`);
    expect((await register(ip)).status).toBe(201);
  });
});

describe("pruning expired buckets (prune-rate-limits job)", () => {
  it("deletes buckets whose window ended under every limit, keeps live ones, and the limits still hold", async () => {
    const { admin } = await createTestTenant();
    const ip = freshIp();
    const failures = await Promise.all(Array.from({ length: LOGIN_PER_ACCOUNT.max }, () => token(admin.email, "wrong-password", ip)));
    expect(failures.every((r) => r.status === 401)).toBe(true);
    const stale = `login:ip:198.51.100.${++ipCounter}`;
    await db().$executeRaw`INSERT INTO rate_limit_buckets (key, count, window_start) VALUES (${stale}, 3, now() - interval '61 minutes')`;

    const { line } = await runJob("prune-rate-limits", systemClock);
    expect(line).toMatch(/^prune-rate-limits: \d+ expired rate-limit buckets? deleted$/);

    const keys = (
      await db().$queryRaw<{ key: string }[]>`SELECT key FROM rate_limit_buckets WHERE key IN (${stale}, ${`login:account:${admin.email}`})`
    ).map((r) => r.key);
    expect(keys).toEqual([`login:account:${admin.email}`]);
    // The account is still locked after pruning: live windows are untouched.
    expect((await token(admin.email, FIXTURE_PASSWORD, freshIp())).status).toBe(429);
  });
});
