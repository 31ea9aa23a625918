import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { Webhook } from "standardwebhooks";
import { blockedAddressReason, webhookUrlProblem } from "./url-policy";

/** A try gives up after this long (connecting, waiting and reading the answer). */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Of the receiver's answer only this much is read (and then dropped): the log keeps the status code. */
const MAX_RESPONSE_BYTES = 64 * 1024;
const MAX_ERROR_LENGTH = 500;

export type SignedMessage = { id: string; timestamp: Date; body: string; secret: string };
export type TryOutcome = { ok: boolean; statusCode: number | null; responseTimeMs: number; error: string | null };

/** The three Standard Webhooks headers of a message. */
export function signatureHeaders(message: SignedMessage): Record<string, string> {
  return {
    "webhook-id": message.id,
    "webhook-timestamp": String(Math.floor(message.timestamp.getTime() / 1000)),
    "webhook-signature": new Webhook(message.secret).sign(message.id, message.timestamp, message.body),
  };
}

/** Resolves like dns.lookup, but refuses a host whose addresses include one webhooks may not reach. */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const blocked = addresses.map((a) => blockedAddressReason(a.address)).find((reason) => reason !== null);
    if (blocked) return callback(Object.assign(new Error(`${hostname} ${blocked}`), { code: "EWEBHOOKBLOCKED" }), "", 0);
    if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  });
};

const clip = (text: string) => (text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text);

/**
 * POSTs a signed message to `url` and reports how it went: 2xx is success; redirects are not followed; the URL's
 * host is checked against the address policy (url-policy.ts) when it is resolved, so a changed DNS answer cannot
 * point a delivery at this server or the cloud's metadata service.
 */
export function postWebhook(url: string, message: SignedMessage, timeoutMs = WEBHOOK_TIMEOUT_MS): Promise<TryOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const problem = webhookUrlProblem(url);
  if (problem) return Promise.resolve({ ok: false, statusCode: null, responseTimeMs: 0, error: `URL ${problem}` });
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<TryOutcome, "responseTimeMs">) => {
      if (settled) return;
      settled = true;
      resolve({ ...outcome, responseTimeMs: elapsed(), error: outcome.error && clip(outcome.error) });
    };
    const request = client.request(
      target,
      {
        method: "POST",
        lookup: guardedLookup,
        timeout: timeoutMs,
        headers: {
          "content-type": "application/json",
          "user-agent": "OnQuota-Webhooks/1",
          "content-length": Buffer.byteLength(message.body),
          ...signatureHeaders(message),
        },
      },
      (response) => {
        const statusCode = response.statusCode ?? null;
        let read = 0;
        response.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) response.destroy();
        });
        const done = () => {
          const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
          finish({ ok, statusCode, error: ok ? null : `The receiver answered ${statusCode}.` });
        };
        response.on("end", done);
        response.on("close", done);
        response.on("error", done);
      },
    );
    const deadline = setTimeout(() => request.destroy(new Error(`No answer within ${timeoutMs} ms.`)), timeoutMs);
    request.on("timeout", () => request.destroy(new Error(`No answer within ${timeoutMs} ms.`)));
    request.on("error", (error) => finish({ ok: false, statusCode: null, error: error.message || String(error) }));
    request.on("close", () => clearTimeout(deadline));
    request.end(message.body);
  });
}
