import { pollingRelay } from "@/lib/relay";
import { deliverDueWebhooks } from "./delivery";

/**
 * The webhook outbox's relay: every server process delivers due deliveries every few seconds
 * (WEBHOOK_RELAY_INTERVAL_MS, default 2000) and when asked to (`deliverWebhooksSoon`). WEBHOOK_RELAY=off leaves all
 * delivery to the `deliver-webhooks` job (every minute, Inngest or cron).
 */
const relay = pollingRelay({
  name: "webhooks",
  switchVariable: "WEBHOOK_RELAY",
  intervalVariable: "WEBHOOK_RELAY_INTERVAL_MS",
  run: () => deliverDueWebhooks(),
});

export const relayEnabled = relay.enabled;
export const deliverWebhooksSoon = relay.soon;
export const webhookRelayIdle = relay.idle;
export const startWebhookRelay = relay.start;
