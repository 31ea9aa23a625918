/**
 * Two production servers (server.ts) on one database, as behind a load balancer: a notification created through
 * one instance reaches a Server-Sent Events client of the other (PostgreSQL LISTEN/NOTIFY); one instance stopped
 * with SIGTERM under load loses no request of clients that retry; restarted, it serves again. The test waits for
 * events and counts (readiness, stream events, finished requests), never for a time window; it prints its figures
 * (docs/reliability.md, "Two instances").
 */
import { expect, test } from "@playwright/test";
import { call, newCompany, type Company } from "./company";
import { startServerProcess, type ServerProcess } from "./server-process";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL ?? "";
const CLIENTS = 16;
test.describe.configure({ mode: "serial", timeout: 240_000 });

/** Polls readiness (database reachable, migrations applied): the signal a load balancer waits for. */
async function ready(server: ServerProcess): Promise<void> {
  for (;;) {
    const answer = await fetch(`${server.base}/api/ready`).catch(() => null);
    if (answer?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

type SseEvent = { id?: string; event: string; data: any };

/** A Server-Sent Events client: every event it has read, and a wait for the first one that matches. */
async function openStream(base: string, token: string) {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/v1/notifications/stream`, {
    headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  const events: SseEvent[] = [];
  const waiters: Array<{ match: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }> = [];
  let ended = false;
  let endedNow = () => {};
  const endedPromise = new Promise<void>((resolve) => (endedNow = resolve));
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      const reader = response.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let split: number;
        while ((split = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, split);
          buffer = buffer.slice(split + 2);
          const fields = Object.fromEntries(
            block
              .split("\n")
              .filter((line) => line && !line.startsWith(":"))
              .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trimStart()]),
          );
          if (!fields.event) continue;
          const event: SseEvent = { id: fields.id, event: fields.event, data: JSON.parse(fields.data ?? "null") };
          events.push(event);
          for (const waiter of [...waiters]) {
            if (waiter.match(event)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(event);
            }
          }
        }
      }
    } catch {
      // aborted by close()
    } finally {
      ended = true;
      endedNow();
    }
  })();
  return {
    events,
    ended: endedPromise,
    isOpen: () => !ended,
    next(match: (e: SseEvent) => boolean): Promise<SseEvent> {
      const seen = events.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    close: () => controller.abort(),
  };
}

/** Creates one notification for the rep through `base` and returns its title. */
async function notify(base: string, company: Company, title: string) {
  const created = await call(
    base,
    "POST",
    "/api/v1/notifications",
    { user_ids: [company.rep.id], title, message: "Across instances.", type: "INFO", category: "GENERAL" },
    company.admin.token,
  );
  expect(created.body).toEqual({ created: 1 });
}

/** The id of the rep's notification with this title, as the API of `base` lists it. */
async function idOf(base: string, token: string, title: string): Promise<string> {
  const list = await call(base, "GET", "/api/v1/notifications?page_size=100", undefined, token);
  return list.body.items.find((n: { title: string }) => n.title === title).id;
}

test("two instances on one database: events cross instances, a SIGTERM under load fails no retried request, a restart serves again", async () => {
  let a = await startServerProcess(1, { DATABASE_URL, LOG_LEVEL: "warn" });
  const b = await startServerProcess(2, { DATABASE_URL, LOG_LEVEL: "warn" });
  const servers = [a, b];
  try {
    await Promise.all([ready(a), ready(b)]);
    const company = await newCompany(a.base, "instances");

    // 1. A notification created through A reaches an SSE client of B.
    const stream = await openStream(b.base, company.rep.token);
    await stream.next((e) => e.event === "unread_count");
    const sent = performance.now();
    await notify(a.base, company, "Created on A");
    const arrived = await stream.next((e) => e.event === "notification" && e.data.title === "Created on A");
    const crossMs = performance.now() - sent;
    expect(arrived.data.id).toBe(await idOf(a.base, company.rep.token, "Created on A"));
    expect(arrived.data.user_id).toBe(company.rep.id);
    await stream.next((e) => e.event === "unread_count" && e.data.unread_count === 1);

    // 2. Clients that retry: round robin over both instances; a refused, reset or 5xx attempt is tried again on the
    // other one. A gets SIGTERM once the load is under way; the load goes on until A has exited and B has answered
    // as many requests again.
    const totals = { requests: 0, attempts: 0, retried: 0, failed: 0, byInstance: new Map<string, number>() };
    const failures: string[] = [];
    let running = true;
    let turn = 0;
    const milestones: Array<{ at: number; resolve: () => void }> = [];
    const reach = (count: number) => new Promise<void>((resolve) => milestones.push({ at: count, resolve }));
    const finished = () => {
      totals.requests++;
      for (const m of milestones.filter((m) => m.at <= totals.requests)) {
        milestones.splice(milestones.indexOf(m), 1);
        m.resolve();
      }
    };
    const oneRequest = async () => {
      const order = turn++ % 2 === 0 ? [a, b] : [b, a];
      let lastError = "";
      for (let attempt = 0; attempt < 4; attempt++) {
        const server = order[attempt % 2]!;
        totals.attempts++;
        if (attempt > 0) totals.retried++;
        try {
          const answer = await fetch(`${server.base}/api/v1/notifications/unread-count`, {
            headers: { authorization: `Bearer ${company.rep.token}` },
          });
          const body = await answer.text();
          if (answer.status === 200) {
            expect(JSON.parse(body)).toEqual({ unread_count: 1 });
            totals.byInstance.set(server.base, (totals.byInstance.get(server.base) ?? 0) + 1);
            return;
          }
          lastError = `${answer.status} from ${server.base}`;
          if (answer.status < 500) break;
        } catch (error) {
          lastError = `${(error as Error).cause ?? (error as Error).message} from ${server.base}`;
        }
      }
      totals.failed++;
      failures.push(lastError);
    };
    const clients = Array.from({ length: CLIENTS }, async () => {
      while (running) {
        await oneRequest();
        finished();
      }
    });

    await reach(300);
    const signalled = performance.now();
    const stopA = a.stop();
    const exitCode = await a.exited;
    const stopMs = performance.now() - signalled;
    const atExit = totals.requests;
    await reach(atExit + 300);
    running = false;
    await Promise.all(clients);
    await stopA;
    console.log(
      `load: ${CLIENTS} clients, ${totals.requests} requests (${totals.attempts} attempts, ${totals.retried} retried), ` +
        `${totals.failed} failed after retry; A answered ${totals.byInstance.get(a.base) ?? 0}, B ${totals.byInstance.get(b.base) ?? 0}; ` +
        `SIGTERM to exit ${stopMs.toFixed(0)} ms (exit code ${exitCode}); the SSE client on B stayed open: ${stream.isOpen()}`,
    );
    expect(failures).toEqual([]);
    expect(exitCode).toBe(0);
    expect(totals.byInstance.get(a.base)).toBeGreaterThan(0);
    expect(stream.isOpen()).toBe(true);

    // 3. A restarts and serves again: its API answers, and what is created through it reaches the client on B.
    const restarting = performance.now();
    a = await startServerProcess(1, { DATABASE_URL, LOG_LEVEL: "warn" });
    servers.push(a);
    await ready(a);
    const restartMs = performance.now() - restarting;
    expect((await call(a.base, "GET", "/api/v1/notifications/unread-count", undefined, company.rep.token)).body).toEqual({
      unread_count: 1,
    });
    const resent = performance.now();
    await notify(a.base, company, "Created on A after its restart");
    const again = await stream.next((e) => e.event === "notification" && e.data.title === "Created on A after its restart");
    const againMs = performance.now() - resent;
    expect(again.data.id).toBe(await idOf(b.base, company.rep.token, "Created on A after its restart"));
    expect(Number(again.id)).toBe(Number(arrived.id) + 1);
    console.log(
      `A → SSE on B: ${crossMs.toFixed(0)} ms; after A's restart: ${againMs.toFixed(0)} ms; A restarted and ready in ${restartMs.toFixed(0)} ms`,
    );
    stream.close();
    await stream.ended;
  } finally {
    for (const server of servers) await server.stop();
  }
});
