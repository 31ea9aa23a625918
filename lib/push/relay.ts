import { logger } from "@/lib/log";
import { sendDuePush } from "./delivery";

/**
 * The in-process relay of the push queue: each server process looks for due pushes every few seconds
 * (PUSH_RELAY_INTERVAL_MS, default 2000) and when asked to (`sendPushSoon`). Runs never overlap within a process;
 * across processes the claim's SKIP LOCKED shares the work. PUSH_RELAY=off leaves all sending to the `send-push`
 * job (every minute, Inngest or cron), which also covers processes that run no server.
 */
export function pushRelayEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return !/^(0|off|false)$/i.test(env.PUSH_RELAY?.trim() ?? "");
}

type RelayState = { running: Promise<void> | null; again: boolean; timer: NodeJS.Timeout | null };

const globalForRelay = globalThis as unknown as { onquotaPushRelay?: RelayState };
const state = (): RelayState => (globalForRelay.onquotaPushRelay ??= { running: null, again: false, timer: null });

/** Starts a sending run now, in the background (or one more after the current run). Never throws. */
export function sendPushSoon(): void {
  if (!pushRelayEnabled()) return;
  const relay = state();
  if (relay.running) {
    relay.again = true;
    return;
  }
  relay.running = (async () => {
    do {
      relay.again = false;
      try {
        await sendDuePush();
      } catch (error) {
        logger.warn({ err: error }, "push: sending run failed");
      }
    } while (relay.again);
  })().finally(() => {
    relay.running = null;
  });
}

/** Waits for the current run of this process's relay (tests, shutdown). */
export async function pushRelayIdle(): Promise<void> {
  await state().running;
}

/** Polls for due pushes until the returned stop is called (the production server starts it). */
export function startPushRelay(intervalMs = Number(process.env.PUSH_RELAY_INTERVAL_MS ?? 2_000)): () => Promise<void> {
  const relay = state();
  if (!pushRelayEnabled() || !(intervalMs > 0) || relay.timer) return async () => undefined;
  relay.timer = setInterval(sendPushSoon, intervalMs);
  relay.timer.unref();
  return async () => {
    if (relay.timer) clearInterval(relay.timer);
    relay.timer = null;
    await pushRelayIdle();
  };
}
