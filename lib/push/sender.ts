import type https from "node:https";
import webpush from "web-push";
import type { VapidConfig } from "./config";
import type { PushMessage } from "./message";
import { PUSH_TTL_SECONDS } from "./retry-policy";

/** A send gives up when the push service's socket is idle this long. */
const PUSH_TIMEOUT_MS = 10_000;
const MAX_ERROR_LENGTH = 500;

export type PushTarget = { endpoint: string; p256dh: string; auth: string };
export type PushOutcome = { ok: true } | { ok: false; gone: boolean; error: string };
/** How to reach push services: an HTTPS agent (a test's own certificate authority), none for the default. */
export type PushTransport = { agent?: https.Agent };

/**
 * Encrypts `message` for one browser (RFC 8291, aes128gcm), signs the request with our VAPID key and posts it to the
 * browser's push service. `gone`: the service answered 404 or 410, so the subscription no longer exists.
 */
export async function sendPushMessage(
  target: PushTarget,
  message: PushMessage,
  options: { vapid: VapidConfig; urgent: boolean; transport?: PushTransport },
): Promise<PushOutcome> {
  try {
    await webpush.sendNotification(
      { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
      JSON.stringify(message),
      {
        vapidDetails: options.vapid,
        TTL: PUSH_TTL_SECONDS,
        urgency: options.urgent ? "high" : "normal",
        contentEncoding: "aes128gcm",
        timeout: PUSH_TIMEOUT_MS,
        ...(options.transport?.agent ? { agent: options.transport.agent } : {}),
      },
    );
    return { ok: true };
  } catch (error) {
    if (error instanceof webpush.WebPushError) {
      const detail = error.body ? `: ${String(error.body).trim()}` : ".";
      return {
        ok: false,
        gone: error.statusCode === 404 || error.statusCode === 410,
        error: `The push service answered ${error.statusCode}${detail}`.slice(0, MAX_ERROR_LENGTH),
      };
    }
    return { ok: false, gone: false, error: (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH) };
  }
}
