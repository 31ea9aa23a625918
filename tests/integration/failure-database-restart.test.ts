/**
 * PostgreSQL restarts while the app is under load: every request answers at once, either normally or with a
 * clean 503 problem+json carrying Retry-After (never a 500, never a hang), and the same process recovers on
 * its own once the database is back: queries, writes and the notification stream's LISTEN connection alike.
 * The app runs against a cluster of this file's own, so the run's shared database is never stopped.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { closeDatabase, db } from "@/lib/db/prisma";
import { liveHub } from "@/lib/notifications/live";
import { get, patch, post, type ApiResponse } from "../helpers/api";
import { pointDatabaseAt } from "../helpers/private-database";
import { startRestartableDatabase, type RestartableDatabase } from "../helpers/restartable-database";
import { openSse, type SseClient } from "../helpers/sse";
import { createOpp, createWorld, type OppWorld } from "./opportunities-helpers";

type Sample = {
  kind: string;
  started: number;
  ms: number;
  status: number;
  contentType: string | null;
  retryAfter: string | null;
  body: unknown;
};

const HANG_MS = 10_000;
const STAGES = ["QUALIFIED", "PROPOSAL", "NEGOTIATION", "LEAD"] as const;

let database: RestartableDatabase;
let w: OppWorld;
let sse: SseClient | undefined;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  database = await startRestartableDatabase();
  await pointDatabaseAt(database.url);
  w = await createWorld("Restart");
});

afterAll(async () => {
  sse?.abort();
  await liveHub().close();
  await closeDatabase();
  await database?.teardown();
});

/** Calls `call` in a loop until `done()`, recording each answer; a call still open after HANG_MS is recorded as status 0. */
async function loop(kind: string, call: () => Promise<ApiResponse>, done: () => boolean, samples: Sample[]) {
  while (!done()) {
    const started = Date.now();
    const hang = sleep(HANG_MS).then(() => null);
    const response = await Promise.race([call(), hang]);
    samples.push({
      kind,
      started,
      ms: Date.now() - started,
      status: response?.status ?? 0,
      contentType: response?.headers.get("content-type") ?? null,
      retryAfter: response?.headers.get("retry-after") ?? null,
      body: response?.body ?? null,
    });
    await sleep(15);
  }
}

it("answers 503 problem+json while PostgreSQL restarts and recovers by itself, LISTEN included", async () => {
  const deal = await createOpp(w, w.rep.token, { name: "Moved during restart" });
  sse = await openSse(w.otherRep.token);
  await sse.next("unread_count");
  expect(liveHub().isListening()).toBe(true);

  const samples: Sample[] = [];
  let stopLoad = false;
  // Each move targets the stage after the last one that succeeded, so every 200 is a real stage change.
  let stage: string = deal.stage;
  const moveToNextStage = async (id: string) => {
    const response = await patch(
      `opportunities/${id}/stage`,
      { stage: STAGES[(STAGES.indexOf(stage as (typeof STAGES)[number]) + 1) % STAGES.length] },
      { token: w.rep.token },
    );
    if (response.status === 200) stage = response.body.stage;
    return response;
  };
  const load = Promise.all([
    loop(
      "unread-count",
      () => get("notifications/unread-count", { token: w.rep.token }),
      () => stopLoad,
      samples,
    ),
    loop(
      "list-opportunities",
      () => get("opportunities?limit=20", { token: w.supervisor.token }),
      () => stopLoad,
      samples,
    ),
    loop(
      "list-notifications",
      () => get("notifications", { token: w.rep.token }),
      () => stopLoad,
      samples,
    ),
    loop(
      "move-stage",
      () => moveToNextStage(deal.id),
      () => stopLoad,
      samples,
    ),
    loop(
      "notify",
      () =>
        post(
          "notifications",
          { user_ids: [w.rep.userId], title: "Load", message: "During the restart.", type: "INFO", category: "GENERAL" },
          { token: w.admin.token },
        ),
      () => stopLoad,
      samples,
    ),
  ]);

  await sleep(1_000);
  const stopping = Date.now();
  await database.stop();
  const down = Date.now();
  await sleep(2_500);
  const starting = Date.now();
  await database.start();
  const up = Date.now();
  await sleep(4_000);
  stopLoad = true;
  await load;

  const figures = {
    requests: samples.length,
    failedWith503: samples.filter((s) => s.status === 503).length,
    stopMs: down - stopping,
    downMs: starting - down,
    startMs: up - starting,
    slowestMs: Math.max(...samples.map((s) => s.ms)),
    firstSuccessAfterUpMs: Math.min(...samples.filter((s) => s.started >= up && s.status < 300).map((s) => s.started + s.ms)) - up,
  };
  console.log("database restart under load:", figures);

  const unexpected = samples.filter((s) => ![200, 201, 503].includes(s.status));
  expect(unexpected.map((s) => `${s.kind} ${s.status} ${JSON.stringify(s.body)}`)).toEqual([]);
  expect(figures.slowestMs).toBeLessThan(HANG_MS);

  const refused = samples.filter((s) => s.status === 503);
  for (const sample of refused) {
    expect(sample.contentType).toBe("application/problem+json");
    expect(sample.retryAfter).toBe("5");
    expect(sample.body).toMatchObject({
      status: 503,
      title: "Service Unavailable",
      detail: "The service is briefly unavailable; try again in a few seconds.",
    });
    expect(JSON.stringify(sample.body)).not.toMatch(/prisma|postgres|127\.0\.0\.1|ECONN|\bat\s/i);
  }
  // Everything sent while the server was down was refused, for every kind of request; nothing got through.
  const whileDown = samples.filter((s) => s.started >= down && s.started + s.ms <= starting);
  expect(whileDown.length).toBeGreaterThan(0);
  expect(whileDown.filter((s) => s.status !== 503)).toEqual([]);
  expect(new Set(refused.filter((s) => s.started >= down && s.started < starting).map((s) => s.kind)).size).toBe(5);
  // Recovery without a restart of the app: every request sent a second after the server is back succeeds.
  const afterUp = samples.filter((s) => s.started >= up + 1_000);
  expect(new Set(afterUp.map((s) => s.kind)).size).toBe(5);
  expect(afterUp.filter((s) => s.status >= 300)).toEqual([]);

  // The writes that were refused left nothing half-done: the stage history is one unbroken chain.
  const stored = (await get(`opportunities/${deal.id}`, { token: w.rep.token })).body;
  const chain = (await get(`opportunities/${deal.id}/history`, { token: w.rep.token })).body.items as Array<{
    from_stage: string | null;
    to_stage: string;
  }>;
  const moved = samples.filter((s) => s.kind === "move-stage" && s.status === 200).length;
  expect(chain).toHaveLength(moved + 1);
  for (let i = 1; i < chain.length; i++) expect(chain[i]!.from_stage).toBe(chain[i - 1]!.to_stage);
  expect(chain.at(-1)!.to_stage).toBe(stored.stage);
  expect(stored.version).toBe(moved + 1);
  const notified = samples.filter((s) => s.kind === "notify" && s.status === 201).length;
  expect(await db().notification.count({ where: { userId: w.rep.userId } })).toBe(notified);

  // The LISTEN connection came back on its own: live updates reach the stream opened before the restart.
  await expect.poll(() => liveHub().isListening(), { timeout: 15_000 }).toBe(true);
  const sent = await post(
    "notifications",
    { user_ids: [w.otherRep.userId], title: "After the restart", message: "Live again.", type: "INFO", category: "GENERAL" },
    { token: w.admin.token },
  );
  expect(sent.status).toBe(201);
  expect((await sse.next("notification", (e) => e.json.title === "After the restart", 10_000)).json.message).toBe("Live again.");
  expect((await sse.next("unread_count", undefined, 10_000)).json).toEqual({ unread_count: 1 });
}, 90_000);
