/**
 * A stand-in for the Resend API, reached through RESEND_BASE_URL: answers `POST /emails` → `{ id }` and
 * `POST /emails/batch` → `{ data: [{ id }…], errors: [{ index, message }…] }` (per-item errors when the request asks
 * for `x-batch-validation: permissive`, else the whole batch fails), or with the failures a test asks for. Like
 * Resend, a request that repeats the Idempotency-Key of an accepted one gets the same answer and delivers nothing new.
 * `GET /stats` answers the counts. With `keep: false` (the benchmark) only counts are kept, so its memory stays flat.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = { method: string; path: string; headers: Record<string, string>; body: any };
/**
 * An error answer, or (`hang`) no answer at all; with `deliverAnyway` the provider accepted the emails all the same.
 * `reject`: in a batch, only the matching email is refused with this message (a single send answers 422).
 */
export type Failure =
  | { status: number; body?: unknown; headers?: Record<string, string>; deliverAnyway?: boolean; hang?: never; reject?: never }
  | { hang: true; deliverAnyway?: boolean; reject?: never }
  | { reject: string; hang?: never };

export type RecorderStats = { requests: number; batchRequests: number; emails: number; bytes: number };

export type ResendRecorder = {
  url: string;
  /** Every HTTP request, as received. */
  requests: RecordedRequest[];
  /** The emails the "provider" accepted and would deliver, once per idempotency key (a batch's emails one by one). */
  delivered: RecordedRequest[];
  stats: RecorderStats;
  /** The next `times` requests (optionally only those to `to`, or in a batch the email to `to`; or only batches of `batchOf` emails) fail with this answer. */
  fail(failure: Failure, options?: { times?: number; to?: string; batchOf?: number }): void;
  reset(): void;
  close(): Promise<void>;
};

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

type Planned = { failure: Failure; times: number; to?: string; batchOf?: number };
type Rejection = Extract<Failure, { reject: string }>;
const isRejection = (failure: Failure): failure is Rejection => typeof failure.reject === "string";

export async function startResendRecorder(options: { keep?: boolean; port?: number } = {}): Promise<ResendRecorder> {
  const keep = options.keep ?? true;
  const requests: RecordedRequest[] = [];
  const delivered: RecordedRequest[] = [];
  const stats: RecorderStats = { requests: 0, batchRequests: 0, emails: 0, bytes: 0 };
  const answered = new Map<string, { status: number; payload: unknown }>();
  let failures: Planned[] = [];
  let ids = 0;
  const take = (match: (planned: Planned) => boolean) => {
    const planned = failures.find((f) => f.times > 0 && match(f));
    if (planned) planned.times--;
    return planned?.failure;
  };
  const server: Server = createServer(async (req, res) => {
    const text = await readBody(req);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));
    const answer = (status: number, payload: unknown, extra: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...extra });
      res.end(JSON.stringify(payload));
    };
    if (req.method === "GET" && req.url === "/stats") return answer(200, stats);
    stats.requests++;
    stats.bytes += Buffer.byteLength(text);
    const body = text ? JSON.parse(text) : null;
    const request: RecordedRequest = { method: req.method ?? "", path: req.url ?? "", headers, body };
    if (keep) requests.push(request);
    const batch = req.url === "/emails/batch";
    if (req.method !== "POST" || (req.url !== "/emails" && !batch)) {
      return answer(404, { statusCode: 404, name: "not_found", message: "Not found" });
    }
    const key = headers["idempotency-key"];
    const replay = key ? answered.get(key) : undefined;
    if (replay) return answer(replay.status, replay.payload);
    const emails: any[] = batch ? (Array.isArray(body) ? body : []) : [body];
    if (batch) stats.batchRequests++;
    const deliver = (email: any) => {
      stats.emails++;
      if (keep) delivered.push({ ...request, body: email });
      return `email_${++ids}`;
    };
    const whole = take(
      (f) =>
        !isRejection(f.failure) &&
        (!f.to || emails.some((email) => email?.to?.includes(f.to))) &&
        (f.batchOf === undefined || f.batchOf === emails.length),
    );
    if (whole && !isRejection(whole)) {
      if (whole.deliverAnyway) {
        const data = emails.map((email) => ({ id: deliver(email) }));
        if (key) answered.set(key, { status: 200, payload: batch ? { data, errors: [] } : data[0] });
      }
      if (whole.hang) return;
      const status = whole.status;
      return answer(status, whole.body ?? { statusCode: status, name: "application_error", message: "Something broke" }, whole.headers);
    }
    const permissive = headers["x-batch-validation"] === "permissive";
    const rejections = emails.map((email) => {
      const failure = take((f) => isRejection(f.failure) && (!f.to || email?.to?.includes(f.to)));
      return failure && isRejection(failure) ? failure.reject : undefined;
    });
    let status = 200;
    let payload: unknown;
    if (!batch) {
      payload = rejections[0]
        ? ((status = 422), { statusCode: 422, name: "validation_error", message: rejections[0] })
        : { id: deliver(emails[0]) };
    } else if (rejections.some(Boolean) && !permissive) {
      status = 422;
      payload = { statusCode: 422, name: "validation_error", message: rejections.find(Boolean) };
    } else {
      const data: Array<{ id: string }> = [];
      const errors: Array<{ index: number; message: string }> = [];
      emails.forEach((email, index) => {
        const reason = rejections[index];
        if (reason) errors.push({ index, message: reason });
        else data.push({ id: deliver(email) });
      });
      payload = permissive ? { data, errors } : { data };
    }
    if (key && status === 200) answered.set(key, { status, payload });
    answer(status, payload);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    delivered,
    stats,
    fail(failure, options = {}) {
      failures.push({ failure, times: options.times ?? 1, to: options.to, batchOf: options.batchOf });
    },
    reset() {
      requests.length = 0;
      delivered.length = 0;
      failures = [];
      Object.assign(stats, { requests: 0, batchRequests: 0, emails: 0, bytes: 0 });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
