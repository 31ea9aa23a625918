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

/** Sends through Resend. The SDK does not throw: its `error` is turned into a failed result. */
export async function sendWithResend(message: EmailMessage, from: string, apiKey: string): Promise<SendResult> {
  for (let wait = 0; ; wait++) {
    const limit = timeoutMs();
    const signal = AbortSignal.timeout(limit);
    const response = await resendClient(apiKey).emails.send(
      { from, to: [message.to], subject: message.subject, html: message.html, text: message.text, headers: message.headers },
      { signal, ...(message.idempotencyKey ? { idempotencyKey: message.idempotencyKey } : {}) },
    );
    if (signal.aborted && !response.data?.id) return { ok: false, error: `Resend did not answer within ${limit} ms.` };
    if (!response.error) {
      return response.data?.id ? { ok: true, id: response.data.id } : { ok: false, error: "Resend answered without a message id." };
    }
    if (response.error.statusCode === 429 && wait < RATE_LIMIT_WAITS) {
      await sleep(retryAfterMs(response.headers));
      continue;
    }
    return { ok: false, error: describeResendError(response.error) };
  }
}
