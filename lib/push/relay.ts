import { pollingRelay } from "@/lib/relay";
import { sendDuePush } from "./delivery";

/**
 * The push queue's relay: every server process sends due pushes every few seconds (PUSH_RELAY_INTERVAL_MS, default
 * 2000) and when asked to (`sendPushSoon`). PUSH_RELAY=off leaves all sending to the `send-push` job (every minute,
 * Inngest or cron).
 */
const relay = pollingRelay({
  name: "push",
  switchVariable: "PUSH_RELAY",
  intervalVariable: "PUSH_RELAY_INTERVAL_MS",
  run: () => sendDuePush(),
});

export const pushRelayEnabled = relay.enabled;
export const sendPushSoon = relay.soon;
export const pushRelayIdle = relay.idle;
export const startPushRelay = relay.start;
