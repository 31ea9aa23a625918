/**
 * The production server as a process (no browser): forwarding headers, HSTS, caching, body limits, health and
 * readiness, and a clean stop. Clients pick their loopback source address to be different clients; the shared
 * server (playwright.config.ts) trusts 127.0.0.2 as a reverse proxy.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { urlOfDatabase, withPgClient } from "../scripts/db/pg-client";
import { filler, rawRequest } from "../tests/helpers/raw-http";
import { DEMO_PASSWORD } from "./helpers";
import { E2E_PORT, ROOT, startServerProcess } from "./server-process";

const BASE = `http://127.0.0.1:${E2E_PORT}`;
const PROXY = "127.0.0.2";
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL ?? "";

const json = { "content-type": "application/json" };
const tokenBody = (email: string, password: string) => JSON.stringify({ email, password });

async function tokenOf(base: string, email: string): Promise<string> {
  const response = await rawRequest({
    url: `${base}/api/v1/auth/token`,
    method: "POST",
    headers: json,
    body: tokenBody(email, DEMO_PASSWORD),
  });
  expect(response.status).toBe(200);
  return response.json().access_token as string;
}

test.describe("the shared server", () => {
  test("health and readiness answer, uncached", async () => {
    const health = await rawRequest({ url: `${BASE}/api/health` });
    expect([health.status, health.json()]).toEqual([200, { status: "ok" }]);
    const ready = await rawRequest({ url: `${BASE}/api/ready` });
    expect(ready.status).toBe(200);
    expect(ready.json()).toMatchObject({ status: "ready" });
    expect(ready.headers["cache-control"]).toBe("no-store");
  });

  test("HSTS only when a trusted proxy says the client came over https", async () => {
    const hsts = async (from: string, proto: string) =>
      (await rawRequest({ url: `${BASE}/api/health`, from, headers: { "x-forwarded-proto": proto } })).headers["strict-transport-security"];
    expect(await hsts(PROXY, "https")).toBe("max-age=31536000; includeSubDomains");
    expect(await hsts(PROXY, "http")).toBeUndefined();
    expect(await hsts("127.0.0.3", "https")).toBeUndefined();
    expect(await hsts("127.0.0.1", "https")).toBeUndefined();
  });

  test("a forged X-Forwarded-For from an untrusted peer is ignored by the sign-in limits", async () => {
    const email = `nobody.${Date.now()}@forged.test`;
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        rawRequest({
          url: `${BASE}/api/v1/auth/token`,
          method: "POST",
          from: "127.0.0.3",
          headers: { ...json, "x-forwarded-for": `198.51.100.${i + 1}` },
          body: tokenBody(email, `guess-${i}`),
        }),
      ),
    );
    const statuses = guesses.map((r) => r.status);
    // Were the forged addresses believed, each guess would be a first try (401).
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    const refused = guesses.find((r) => r.status === 429)!;
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    // Another client trying the same account is not refused for those failures.
    const other = await rawRequest({
      url: `${BASE}/api/v1/auth/token`,
      method: "POST",
      from: "127.0.0.4",
      headers: json,
      body: tokenBody(email, "x"),
    });
    expect(other.status).toBe(401);
  });

  test("private API answers are never stored; the public OpenAPI document may be cached", async () => {
    const signIn = await rawRequest({
      url: `${BASE}/api/v1/auth/token`,
      method: "POST",
      headers: json,
      body: tokenBody("riley@acme.demo", DEMO_PASSWORD),
    });
    expect(signIn.headers["cache-control"]).toBe("no-store");
    const me = await rawRequest({ url: `${BASE}/api/v1/me`, headers: { authorization: `Bearer ${signIn.json().access_token}` } });
    expect([me.status, me.headers["cache-control"]]).toEqual([200, "no-store"]);
    const openapi = await rawRequest({ url: `${BASE}/api/v1/openapi.json` });
    expect(openapi.headers["cache-control"]).toBe("public, max-age=300");
  });

  test("an oversized body gets 413 problem+json, chunked or declared", async () => {
    const chunked = await rawRequest({ url: `${BASE}/api/v1/auth/token`, method: "POST", headers: json, chunks: filler(3 * 1024 * 1024) });
    expect(chunked.status).toBe(413);
    expect(chunked.headers["content-type"]).toBe("application/problem+json");
    const declared = await rawRequest({ url: `${BASE}/api/v1/clients`, method: "POST", headers: json, body: "x".repeat(2 * 1024 * 1024) });
    expect([declared.status, declared.json().title]).toEqual([413, "Content Too Large"]);
  });
});

test.describe("a server of its own", () => {
  test.describe.configure({ mode: "serial", timeout: 120_000 });

  test("a 600 MB chunked upload gets 413 and the server's memory barely moves; SIGTERM then stops it cleanly", async () => {
    const server = await startServerProcess(1, { DATABASE_URL });
    try {
      // Warm up the route, so that loading its code does not count as growth.
      await tokenOf(server.base, "admin@acme.demo");
      const before = server.rssMb();
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, server.rssMb())), 20);
      const upload = await rawRequest({
        url: `${server.base}/api/v1/auth/token`,
        method: "POST",
        headers: json,
        chunks: filler(600 * 1024 * 1024),
      }).finally(() => clearInterval(sampler));
      peak = Math.max(peak, server.rssMb());
      expect(upload.status).toBe(413);
      expect(upload.json()).toMatchObject({ status: 413, title: "Content Too Large" });
      console.log(`RSS before ${before.toFixed(1)} MB, peak during the upload ${peak.toFixed(1)} MB (+${(peak - before).toFixed(1)} MB)`);
      expect(peak - before).toBeLessThan(50);

      // A clean stop: a live stream and a request whose body is half sent.
      const token = await tokenOf(server.base, "admin@acme.demo");
      const stream = await fetch(`${server.base}/api/v1/notifications/stream`, { headers: { authorization: `Bearer ${token}` } });
      expect(stream.status).toBe(200);
      const reader = stream.body!.getReader();
      await reader.read(); // the stream is open
      const body = tokenBody("riley@acme.demo", DEMO_PASSWORD);
      let sendRest = () => {};
      const rest = new Promise<void>((resolve) => (sendRest = resolve));
      let taken = () => {};
      const takenIn = new Promise<void>((resolve) => (taken = resolve));
      const inFlight = rawRequest({
        onContinue: () => taken(),
        url: `${server.base}/api/v1/auth/token`,
        method: "POST",
        headers: { ...json, "content-length": String(Buffer.byteLength(body)) },
        chunks: (async function* () {
          yield Buffer.from(body.slice(0, 10));
          await rest;
          yield Buffer.from(body.slice(10));
        })(),
      });

      await takenIn;
      const signalled = Date.now();
      process.kill(server.pid, "SIGTERM");
      // The stream ends (its client would reconnect elsewhere)...
      for (;;) if ((await reader.read()).done) break;
      // ...after the server stopped accepting connections...
      await expect(rawRequest({ url: `${server.base}/api/health` })).rejects.toThrow(/ECONNREFUSED/);
      // ...and the request in flight still completes.
      sendRest();
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(answer.json().user.email).toBe("riley@acme.demo");
      expect(await server.exited).toBe(0);
      console.log(`SIGTERM to exit: ${Date.now() - signalled} ms`);
    } finally {
      await server.stop();
    }
  });

  test("readiness: 503 while a migration is missing, 200 once applied, 503 when the database is gone", async () => {
    const name = `onquota_ready_${Date.now()}`;
    const migrations = readdirSync(path.join(ROOT, "prisma", "migrations"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const record = (url: string, names: string[]) =>
      withPgClient(url, async (c) => {
        await c.query(`CREATE TABLE IF NOT EXISTS _prisma_migrations (
          id text PRIMARY KEY DEFAULT gen_random_uuid()::text, checksum text NOT NULL DEFAULT '', migration_name text NOT NULL,
          finished_at timestamptz DEFAULT now(), rolled_back_at timestamptz)`);
        for (const migration of names) await c.query("INSERT INTO _prisma_migrations (migration_name) VALUES ($1)", [migration]);
      });
    await withPgClient(DATABASE_URL, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
    const url = urlOfDatabase(DATABASE_URL, name);
    await record(url, migrations.slice(0, -1));
    const server = await startServerProcess(2, { DATABASE_URL: url });
    const ready = async () => {
      const response = await rawRequest({ url: `${server.base}/api/ready` });
      return [response.status, response.json().status];
    };
    try {
      expect(await ready()).toEqual([503, "migrations_pending"]);
      await record(url, migrations.slice(-1));
      expect(await ready()).toEqual([200, "ready"]);
      await withPgClient(DATABASE_URL, (c) => c.query(`DROP DATABASE ${c.escapeIdentifier(name)} WITH (FORCE)`));
      expect(await ready()).toEqual([503, "database_unreachable"]);
      // Liveness does not depend on the database.
      expect((await rawRequest({ url: `${server.base}/api/health` })).status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
      await withPgClient(DATABASE_URL, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));
    }
  });
});
