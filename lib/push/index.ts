/** Web push: VAPID config, browsers' subscriptions, the push queue and its sender (RFC 8030/8291 via `web-push`). */
export { getPushPublicKey, pushEndpointsOf, pushPublicKeyOrNull, subscribePush, unsubscribePush, PushUnavailableError } from "./service";
export { queuePush } from "./queue";
export { sendDuePush, type PushTotals } from "./delivery";
export { pushRelayIdle, sendPushSoon, startPushRelay } from "./relay";
export { MAX_PUSH_ATTEMPTS } from "./retry-policy";
export type { PushMessage } from "./message";
export type { PushTransport } from "./sender";
export * from "./schemas";
export * from "./operations";
