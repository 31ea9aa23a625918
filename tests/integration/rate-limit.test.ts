import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fixedClock, systemClock } from "@/lib/clock";
import { db } from "@/lib/db/prisma";
import { TooManyRequestsError } from "@/lib/errors";
import { runJob } from "@/lib/jobs";
import {
  limitSignIn,
  loginAddressKey,
  loginPairKey,
  LOGIN_PER_ADDRESS,
  LOGIN_PER_ADDRESS_AND_ACCOUNT,
  REGISTER_PER_ADDRESS,
} from "@/lib/rate-limit";
import { post } from "../helpers/api";
import { createTestTenant, FIXTURE_PASSWORD } from "../helpers/fixtures";

const FREE = LOGIN_PER_ADDRESS_AND_ACCOUNT.freeAttempts;

let addressCounter = 0;
/** A fresh client address per use, so tests never share a bucket. */
const freshAddress = () => {
  const n = ++addressCounter;
  return `203.0.${Math.floor(n / 250)}.${(n % 250) + 1}`;
};
const freshEmail = () => `nobody.${randomUUID().slice(0, 8)}@rate.test`;

/** The token route as the server edge hands it a request: X-Forwarded-For holds the client's address. */
const token = (email: string, password: string, address: string) =>
  post("/auth/token", { email, password }, { headers: { "x-forwarded-for": address } });

const wrong = async () => null;
const right = async () => ({ ok: true });

/** Runs a sign-in attempt as of `at`; the status it would get: 200, 401 or 429 (with its wait). */
async function attemptAt(at: Date, email: string, address: string, outcome: () => Promise<object | null> = wrong) {
  try {
    return (await limitSignIn(email, address, outcome, fixedClock(at))) ? { status: 200 } : { status: 401 };
  } catch (error) {
    if (error instanceof TooManyRequestsError) return { status: 429, retryAfter: error.retryAfterSeconds };
    throw error;
  }
}

const later = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);

async function bucketKeys(pattern: string): Promise<string[]> {
  const rows = await db().$queryRaw<{ key: string }[]>`SELECT key FROM rate_limit_buckets WHERE key LIKE ${pattern} ORDER BY key`;
  return rows.map((r) => r.key);
}

describe("failed sign-ins per address + account", () => {
  it("are free up to 5, then each one waits twice as long as the last, up to 15 minutes", async () => {
    const [email, address, t0] = [freshEmail(), freshAddress(), new Date()];
    for (let i = 0; i < FREE; i++) expect(await attemptAt(t0, email, address)).toEqual({ status: 401 });
    expect(await attemptAt(t0, email, address)).toEqual({ status: 429, retryAfter: 1 });

    let at = t0;
    for (const wait of [1, 2, 4, 8]) {
      expect(await attemptAt(later(at, wait - 0.5), email, address)).toEqual({ status: 429, retryAfter: 1 });
      at = later(at, wait);
      expect(await attemptAt(at, email, address)).toEqual({ status: 401 });
      expect(await attemptAt(at, email, address)).toEqual({ status: 429, retryAfter: wait * 2 });
    }
    // Far along, the wait stops growing at the cap.
    await db().$executeRaw`UPDATE rate_limit_buckets SET count = 40 WHERE key = ${loginPairKey(address, email)}`;
    expect(await attemptAt(at, email, address)).toEqual({ status: 429, retryAfter: LOGIN_PER_ADDRESS_AND_ACCOUNT.maxDelaySeconds });
  });

  it("a refused attempt changes nothing and is not charged to the address", async () => {
    const [email, address, t0] = [freshEmail(), freshAddress(), new Date()];
    for (let i = 0; i < FREE; i++) await attemptAt(t0, email, address);
    for (let i = 0; i < 5; i++) expect((await attemptAt(later(t0, 0.5), email, address)).status).toBe(429);
    const [pair] = await db().$queryRaw<
      { count: number }[]
    >`SELECT count FROM rate_limit_buckets WHERE key = ${loginPairKey(address, email)}`;
    const [perAddress] = await db().$queryRaw<
      { count: number }[]
    >`SELECT count FROM rate_limit_buckets WHERE key = ${loginAddressKey(address)}`;
    expect([pair!.count, perAddress!.count]).toEqual([FREE, FREE]);
    expect(await attemptAt(later(t0, 1), email, address)).toEqual({ status: 401 });
  });

  it("a correct password clears the pair's failures; an hour of quiet forgets them", async () => {
    const [email, address, t0] = [freshEmail(), freshAddress(), new Date()];
    for (let i = 0; i < FREE; i++) await attemptAt(t0, email, address);
    expect(await attemptAt(later(t0, 1), email, address, right)).toEqual({ status: 200 });
    for (let i = 0; i < FREE; i++) expect(await attemptAt(later(t0, 1), email, address)).toEqual({ status: 401 });
    expect((await attemptAt(later(t0, 1), email, address)).status).toBe(429);

    const afterQuiet = later(t0, 1 + LOGIN_PER_ADDRESS_AND_ACCOUNT.forgetAfterSeconds);
    for (let i = 0; i < FREE; i++) expect(await attemptAt(afterQuiet, email, address)).toEqual({ status: 401 });
  });

  it("counts a parallel burst exactly: the password is checked 5 times, the rest wait", async () => {
    const [email, address, t0] = [freshEmail(), freshAddress(), new Date()];
    let checked = 0;
    const counting = async () => {
      checked++;
      return null;
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => attemptAt(t0, email, address, counting)));
    expect(results.filter((r) => r.status === 401)).toHaveLength(FREE);
    expect(results.filter((r) => r.status === 429)).toHaveLength(20 - FREE);
    expect(checked).toBe(FREE);
  });

  it("counts IPv6 clients per /64, and IPv4-mapped addresses as IPv4", async () => {
    const [email, t0] = [freshEmail(), new Date()];
    const prefix = `2001:db8:${(++addressCounter).toString(16)}:1`;
    for (let i = 0; i < FREE; i++) expect((await attemptAt(t0, email, `${prefix}::${i + 1}`)).status).toBe(401);
    expect((await attemptAt(t0, email, `${prefix}:ffff::9`)).status).toBe(429);
    expect((await attemptAt(t0, email, `2001:db8:${addressCounter.toString(16)}:2::1`)).status).toBe(401);

    const v4 = freshAddress();
    for (let i = 0; i < FREE; i++) await attemptAt(t0, email, v4);
    expect((await attemptAt(t0, email, `::ffff:${v4}`)).status).toBe(429);
  });
});

describe("failed sign-ins per address", () => {
  it("caps one client's failures across accounts, and only that client's", async () => {
    const [address, t0] = [freshAddress(), new Date()];
    const emails = Array.from({ length: LOGIN_PER_ADDRESS.max / FREE }, freshEmail);
    for (const email of emails) for (let i = 0; i < FREE; i++) expect((await attemptAt(t0, email, address)).status).toBe(401);

    const blocked = await attemptAt(later(t0, 60), freshEmail(), address, right);
    expect(blocked).toEqual({ status: 429, retryAfter: LOGIN_PER_ADDRESS.windowSeconds - 60 });
    expect((await attemptAt(later(t0, 60), freshEmail(), freshAddress(), right)).status).toBe(200);
    expect((await attemptAt(later(t0, LOGIN_PER_ADDRESS.windowSeconds), freshEmail(), address, right)).status).toBe(200);
  });
});

describe("sign-in limits on POST /auth/token", () => {
  // Each sign-in through the route checks a password (scrypt, seconds on a busy machine): a generous timeout.
  it("an attacker is slowed down while the owner and everyone else sign in", { timeout: 90_000 }, async () => {
    const { admin, rep } = await createTestTenant();
    const attacker = freshAddress();
    // The attacker's address has been guessing this account's password for a while: the next try is 2^7 s away.
    await db().$executeRaw`INSERT INTO rate_limit_buckets (key, count, window_start, updated_at)
      VALUES (${loginPairKey(attacker, admin.email)}, ${FREE + 7}, now(), now())`;

    const refused = await token(admin.email, FIXTURE_PASSWORD, attacker);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(refused.body).toMatchObject({ status: 429, title: "Too Many Requests" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(100);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(128);

    // The owner, from their own address, with the right password: in. So is anyone else.
    expect((await token(admin.email.toUpperCase(), FIXTURE_PASSWORD, freshAddress())).status).toBe(200);
    expect((await token(rep.email, FIXTURE_PASSWORD, freshAddress())).status).toBe(200);
    // And from the attacker's address, other accounts are not refused for this one's failures.
    expect((await token(rep.email, FIXTURE_PASSWORD, attacker)).status).toBe(200);
  });

  it("does not count successful sign-ins", { timeout: 90_000 }, async () => {
    const { admin } = await createTestTenant();
    const address = freshAddress();
    const signIns = await Promise.all(Array.from({ length: 3 }, () => token(admin.email, FIXTURE_PASSWORD, address)));
    expect(signIns.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await bucketKeys(`login:pair:${address}:%`)).toEqual([]);
    const [perAddress] = await db().$queryRaw<
      { count: number }[]
    >`SELECT count FROM rate_limit_buckets WHERE key = ${loginAddressKey(address)}`;
    expect(perAddress!.count).toBe(0);
    expect((await token(admin.email, "wrong-password", address)).status).toBe(401);
  });
});

describe("registration limit on POST /auth/register", () => {
  const register = (address: string) =>
    post(
      "/auth/register",
      { company_name: "Limited Co", name: "Lee", email: `lee.${randomUUID().slice(0, 8)}@rate.test`, password: "long enough pw" },
      { headers: { "x-forwarded-for": address } },
    );

  it("allows a handful of registrations per address per hour, then answers 429", async () => {
    const address = freshAddress();
    const statuses = await Promise.all(Array.from({ length: REGISTER_PER_ADDRESS.max + 3 }, () => register(address).then((r) => r.status)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(REGISTER_PER_ADDRESS.max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);

    const blocked = await register(address);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(REGISTER_PER_ADDRESS.windowSeconds - 120);
    expect((await register(freshAddress())).status).toBe(201);

    await db()
      .$executeRaw`UPDATE rate_limit_buckets SET window_start = window_start - interval '2 hours' WHERE key = ${`register:address:${address}`}`;
    expect((await register(address)).status).toBe(201);
  });
});

describe("pruning (prune-rate-limits job)", () => {
  it("deletes buckets untouched for longer than any limit remembers, keeps live ones, and the limits still hold", async () => {
    const [email, address, t0] = [freshEmail(), freshAddress(), new Date()];
    for (let i = 0; i < FREE; i++) await attemptAt(t0, email, address);
    const stale = `login:address:${freshAddress()}`;
    await db()
      .$executeRaw`INSERT INTO rate_limit_buckets (key, count, window_start, updated_at) VALUES (${stale}, 3, now() - interval '61 minutes', now() - interval '61 minutes')`;

    const { line } = await runJob("prune-rate-limits", systemClock);
    expect(line).toMatch(/^prune-rate-limits: \d+ expired rate-limit buckets? deleted$/);

    expect(await bucketKeys(stale)).toEqual([]);
    expect(await bucketKeys(loginPairKey(address, email))).toEqual([loginPairKey(address, email)]);
    expect((await attemptAt(t0, email, address)).status).toBe(429);
  });
});
