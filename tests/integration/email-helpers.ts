/**
 * A stand-in for the Resend API, reached through RESEND_BASE_URL: records every request and answers like
 * `POST /emails` → `{ id }`, or with the errors a test asks for. Like Resend, a request that repeats the
 * Idempotency-Key of an accepted one gets the same id and delivers nothing new.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { db } from "@/lib/db/prisma";
import { createNotificationRows, type NewNotification } from "@/lib/notifications";
import type { TestUser } from "../helpers/fixtures";

export type RecordedRequest = { method: string; path: string; headers: Record<string, string>; body: any };
/** An error answer, or (`hang`) no answer at all; with `deliverAnyway` the provider accepted the email all the same. */
export type Failure =
  | { status: number; body?: unknown; headers?: Record<string, string>; deliverAnyway?: boolean; hang?: never }
  | { hang: true; deliverAnyway?: boolean };

export type ResendRecorder = {
  url: string;
  requests: RecordedRequest[];
  /** The emails the "provider" accepted and would deliver, once per idempotency key. */
  delivered: RecordedRequest[];
  /** The next `times` requests (optionally only those to `to`) fail with this answer. */
  fail(failure: Failure, options?: { times?: number; to?: string }): void;
  reset(): void;
  close(): Promise<void>;
};

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startResendRecorder(): Promise<ResendRecorder> {
  const requests: RecordedRequest[] = [];
  const delivered: RecordedRequest[] = [];
  const accepted = new Map<string, string>();
  let failures: Array<{ failure: Failure; times: number; to?: string }> = [];
  let ids = 0;
  const server: Server = createServer(async (req, res) => {
    const text = await readBody(req);
    const body = text ? JSON.parse(text) : null;
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));
    const request: RecordedRequest = { method: req.method ?? "", path: req.url ?? "", headers, body };
    requests.push(request);
    const key = headers["idempotency-key"];
    const answer = (status: number, payload: unknown, extra: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...extra });
      res.end(JSON.stringify(payload));
    };
    if (req.method !== "POST" || req.url !== "/emails") return answer(404, { statusCode: 404, name: "not_found", message: "Not found" });
    if (key && accepted.has(key)) return answer(200, { id: accepted.get(key) });
    const to: string[] = body?.to ?? [];
    const planned = failures.find((f) => f.times > 0 && (!f.to || to.includes(f.to)));
    const deliver = () => {
      const id = `email_${++ids}`;
      if (key) accepted.set(key, id);
      delivered.push(request);
      return id;
    };
    if (planned) {
      planned.times--;
      if (planned.failure.deliverAnyway) deliver();
      if (planned.failure.hang) return;
      return answer(
        planned.failure.status,
        planned.failure.body ?? { statusCode: planned.failure.status, name: "application_error", message: "Something broke" },
        planned.failure.headers,
      );
    }
    answer(200, { id: deliver() });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    delivered,
    fail(failure, options = {}) {
      failures.push({ failure, times: options.times ?? 1, to: options.to });
    },
    reset() {
      requests.length = 0;
      delivered.length = 0;
      failures = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Points the email module at the recorder (Resend transport) with a known sender and app URL. */
export function useResend(recorder: ResendRecorder) {
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = recorder.url;
  process.env.FROM_EMAIL = "alerts@onquota.test";
  process.env.FROM_NAME = "OnQuota Alerts";
  process.env.APP_URL = "https://crm.onquota.test";
}

export function useOutbox() {
  delete process.env.RESEND_API_KEY;
  process.env.FROM_EMAIL = "alerts@onquota.test";
  process.env.FROM_NAME = "OnQuota Alerts";
  process.env.APP_URL = "https://crm.onquota.test";
}

/** Notifications for a user with an email requested, as the scheduled checks and POST /notifications create them. */
export async function notificationsFor(user: TestUser, count = 1, extra: Partial<NewNotification> = {}) {
  const rows = await createNotificationRows(
    Array.from({ length: count }, (_, i) => ({
      tenantId: user.tenantId,
      userId: user.userId,
      title: `Quote Q-${i + 1} expires soon`,
      message: `Quote Q-${i + 1} for Acme expires tomorrow.`,
      type: "WARNING" as const,
      category: "QUOTE" as const,
      actionUrl: "/quotes",
      actionLabel: "View quotes",
      emailRequested: true,
      ...extra,
    })),
  );
  return rows.map((row) => row.id);
}

export function emailState(id: string) {
  return db().notification.findUniqueOrThrow({
    where: { id },
    select: {
      emailSent: true,
      emailSentAt: true,
      emailError: true,
      emailRequested: true,
      emailAttempts: true,
      emailNextAttemptAt: true,
      isDeleted: true,
    },
  });
}
