import { logger } from "@/lib/log";
import { deliverDueWebhooks } from "./delivery";

/**
 * The in-process relay of the webhook outbox: each server process looks for due deliveries every few seconds
 * (WEBHOOK_RELAY_INTERVAL_MS, default 2000) and when asked to (`deliverWebhooksSoon`). Runs never overlap within a
 * process; across processes the claim's SKIP LOCKED shares the work. WEBHOOK_RELAY=off leaves all delivery to the
 * `deliver-webhooks` job (every minute, Inngest or cron), which also covers processes that run no server.
 */
export function relayEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return !/^(0|off|false)$/i.test(env.WEBHOOK_RELAY?.trim() ?? "");
}

type RelayState = { running: Promise<void> | null; again: boolean; timer: NodeJS.Timeout | null };

const globalForRelay = globalThis as unknown as { onquotaWebhookRelay?: RelayState };
const state = (): RelayState => (globalForRelay.onquotaWebhookRelay ??= { running: null, again: false, timer: null });

/** Starts a delivery run now, in the background (or one more after the current run). Never throws. */
export function deliverWebhooksSoon(): void {
  if (!relayEnabled()) return;
  const relay = state();
  if (relay.running) {
    relay.again = true;
    return;
  }
  relay.running = (async () => {
    do {
      relay.again = false;
      try {
        await deliverDueWebhooks();
      } catch (error) {
        logger.warn({ err: error }, "webhooks: delivery run failed");
      }
    } while (relay.again);
  })().finally(() => {
    relay.running = null;
  });
}

/** Waits for the current run of this process's relay (tests, shutdown). */
export async function webhookRelayIdle(): Promise<void> {
  await state().running;
}

/** Polls for due deliveries until the returned stop is called (the production server starts it). */
export function startWebhookRelay(intervalMs = Number(process.env.WEBHOOK_RELAY_INTERVAL_MS ?? 2_000)): () => Promise<void> {
  const relay = state();
  if (!relayEnabled() || !(intervalMs > 0) || relay.timer) return async () => undefined;
  relay.timer = setInterval(deliverWebhooksSoon, intervalMs);
  relay.timer.unref();
  return async () => {
    if (relay.timer) clearInterval(relay.timer);
    relay.timer = null;
    await webhookRelayIdle();
  };
}
