import { createHash } from "node:crypto";
import { Resend } from "resend";
import type { EmailMessage, SendResult } from "./message";

type ResendError = { message: string; statusCode: number | null; name: string };

let cached: { key: string; client: Resend } | undefined;

/**
 * The SDK reads RESEND_BASE_URL when it is constructed, so a client is kept only while the API key and the base
 * URL stay the same.
 */
function resendClient(apiKey: string): Resend {
  const key = `${apiKey}\n${process.env.RESEND_BASE_URL ?? ""}`;
  if (cached?.key !== key) cached = { key, client: new Resend(apiKey) };
  return cached.client;
}

/**
 * How long one call to Resend may take (RESEND_TIMEOUT_MS, default 10 s). A provider that accepts the connection
 * and never answers must not hold the request that triggered the email (POST /notifications) or a retry run
 * forever; the send counts as failed and is retried later under the same idempotency key.
 */
const DEFAULT_TIMEOUT_MS = 10_000;

function timeoutMs(): number {
  const configured = Number(process.env.RESEND_TIMEOUT_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_TIMEOUT_MS;
}

/** A 429 is waited out (its Retry-After, at most a few seconds) at most this many times before it counts as failed. */
const RATE_LIMIT_WAITS = 2;
const MAX_WAIT_MS = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterMs(headers: Record<string, string> | null): number {
  const seconds = Number(headers?.["retry-after"] ?? "1");
  return Math.min(Math.max(Number.isFinite(seconds) ? seconds * 1000 : 1000, 200), MAX_WAIT_MS);
}

export function describeResendError(error: ResendError): string {
  const status = error.statusCode ? ` ${error.statusCode}` : "";
  return `Resend${status} ${error.name}: ${error.message}`.slice(0, 1000);
}

type ResendAnswer<T> = { data: T | null; error: ResendError | null; headers: Record<string, string> | null };

/**
 * One call to Resend within the timeout, a 429 waited out (at most `RATE_LIMIT_WAITS` times): its data, or why it
 * failed. The SDK does not throw: its `error` is turned into a failure.
 */
async function callResend<T>(
  call: (signal: AbortSignal) => Promise<ResendAnswer<T>>,
  answered: (data: T | null) => boolean,
): Promise<{ ok: true; data: T } | { ok: false; error: string }> {
  for (let wait = 0; ; wait++) {
    const limit = timeoutMs();
    const signal = AbortSignal.timeout(limit);
    const response = await call(signal);
    if (signal.aborted && !answered(response.data)) return { ok: false, error: `Resend did not answer within ${limit} ms.` };
    if (!response.error) {
      return response.data && answered(response.data)
        ? { ok: true, data: response.data }
        : { ok: false, error: "Resend answered without a message id." };
    }
    if (response.error.statusCode === 429 && wait < RATE_LIMIT_WAITS) {
      await sleep(retryAfterMs(response.headers));
      continue;
    }
    return { ok: false, error: describeResendError(response.error) };
  }
}

const payloadOf = (message: EmailMessage, from: string) => ({
  from,
  to: [message.to],
  subject: message.subject,
  html: message.html,
  text: message.text,
  headers: message.headers,
});

/** Sends through Resend's `POST /emails`. */
export async function sendWithResend(message: EmailMessage, from: string, apiKey: string): Promise<SendResult> {
  const result = await callResend(
    (signal) =>
      resendClient(apiKey).emails.send(payloadOf(message, from), {
        signal,
        ...(message.idempotencyKey ? { idempotencyKey: message.idempotencyKey } : {}),
      }),
    (data) => Boolean(data?.id),
  );
  return result.ok ? { ok: true, id: result.data.id } : result;
}

/** Resend's batch endpoint takes at most this many emails per call. */
export const RESEND_BATCH_LIMIT = 100;

/**
 * Sends up to `RESEND_BATCH_LIMIT` messages in one `POST /emails/batch` call, validated per item ("permissive"): a
 * rejected item fails alone, a failed call fails them all. The call's idempotency key comes from its messages' keys,
 * so the same messages sent again are the same call to Resend and are not delivered twice.
 */
export async function sendBatchWithResend(messages: readonly EmailMessage[], from: string, apiKey: string): Promise<SendResult[]> {
  if (messages.length > RESEND_BATCH_LIMIT) throw new RangeError(`A Resend batch holds at most ${RESEND_BATCH_LIMIT} emails.`);
  const idempotencyKey = batchIdempotencyKey(messages);
  const result = await callResend(
    (signal) =>
      resendClient(apiKey).batch.send(
        messages.map((message) => payloadOf(message, from)),
        { signal, batchValidation: "permissive", ...(idempotencyKey ? { idempotencyKey } : {}) },
      ),
    (data) => Array.isArray(data?.data),
  );
  if (!result.ok) return messages.map(() => result);
  const rejected = new Map((result.data.errors ?? []).map((item) => [item.index, item.message]));
  const ids = result.data.data.map((item) => item.id);
  return messages.map((_, index) => {
    const reason = rejected.get(index);
    if (reason !== undefined) return { ok: false, error: `Resend rejected the email: ${reason}`.slice(0, 1000) };
    const id = ids.shift();
    return id ? { ok: true, id } : { ok: false, error: "Resend answered without a message id." };
  });
}

/** `batch/<sha-256 of the messages' keys>`; none when a message has no key of its own. */
export function batchIdempotencyKey(messages: readonly EmailMessage[]): string | undefined {
  if (messages.some((message) => !message.idempotencyKey)) return undefined;
  const digest = createHash("sha256")
    .update(messages.map((message) => message.idempotencyKey).join("\n"))
    .digest("base64url");
  return `batch/${digest}`;
}
