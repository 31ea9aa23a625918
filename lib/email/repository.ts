import type { Scope } from "@/lib/scope";
import { db, Prisma } from "@/lib/db";
import type { EmailMessage } from "./message";

const recipientSelect = { id: true, tenantId: true, email: true, name: true, isActive: true } as const;

export type RecipientRow = Prisma.UserGetPayload<{ select: typeof recipientSelect }>;

/** The notifications to email, each with its recipient. */
export function notificationsToEmail(ids: string[]) {
  return db().notification.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      title: true,
      message: true,
      type: true,
      category: true,
      critical: true,
      actionUrl: true,
      actionLabel: true,
      isDeleted: true,
      emailSent: true,
      emailError: true,
      emailAttempts: true,
      emailNextAttemptAt: true,
      user: { select: recipientSelect },
    },
  });
}

export type NotificationToEmail = Awaited<ReturnType<typeof notificationsToEmail>>[number];

export function findRecipient(userId: string): Promise<RecipientRow | null> {
  return db().user.findUnique({ where: { id: userId }, select: recipientSelect });
}

/** A claimed email, and the cohort it failed with (the same error at the same instant: one batch call, or several). */
export type ClaimedRetry = { id: string; cohort: string };

/**
 * Claims failed emails whose next attempt is due (partial index idx_notifications_email_retry), whole cohorts at a
 * time, oldest due first, until about `limit` are claimed (at least one cohort). Their next attempt moves to
 * `leaseUntil`, so a second runner started meanwhile does not take them too; recording the outcome replaces it.
 * SKIP LOCKED lets concurrent runners share the work.
 */
export async function claimDueRetries(now: Date, leaseUntil: Date, limit: number, maxAttempts: number): Promise<ClaimedRetry[]> {
  const due = Prisma.sql`email_sent = false AND email_next_attempt_at IS NOT NULL
    AND email_next_attempt_at <= ${now.toISOString()}::timestamptz
    AND email_requested = true AND is_deleted = false AND email_attempts < ${maxAttempts}::int`;
  return db().$queryRaw<ClaimedRetry[]>`
    WITH cohorts AS (
      SELECT email_next_attempt_at AS due_at, coalesce(email_error, '') AS error,
             sum(count(*)) OVER (ORDER BY email_next_attempt_at, coalesce(email_error, '')) - count(*) AS before
      FROM notifications WHERE ${due}
      GROUP BY 1, 2
    ),
    claimed AS (
      SELECT n.id, n.email_next_attempt_at AS due_at, coalesce(n.email_error, '') AS error
      FROM notifications n
      JOIN cohorts c ON c.due_at = n.email_next_attempt_at AND c.error = coalesce(n.email_error, '')
      WHERE ${due} AND (c.before < ${limit}::int OR c.before = 0)
      FOR UPDATE OF n SKIP LOCKED
    )
    UPDATE notifications SET email_next_attempt_at = ${leaseUntil.toISOString()}::timestamptz
    FROM claimed WHERE notifications.id = claimed.id
    RETURNING claimed.id::text AS id, (to_char(claimed.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') || ' ' || claimed.error) AS cohort`;
}

/** Stores a message in the outbox; a message whose idempotency key is already there is not stored twice. */
export async function insertOutboxMessage(message: EmailMessage, from: string, createdAt: Date): Promise<string> {
  const [id] = await insertOutboxMessages([message], from, createdAt);
  return id!;
}

/**
 * Stores messages in the outbox in one statement, in order; a message whose idempotency key is already there is not
 * stored again and answers the id stored first.
 */
export async function insertOutboxMessages(messages: readonly EmailMessage[], from: string, createdAt: Date): Promise<string[]> {
  const created = await db().emailOutbox.createManyAndReturn({
    data: messages.map((message) => ({
      tenantId: message.tenantId,
      to: message.to,
      from,
      subject: message.subject,
      html: message.html,
      text: message.text,
      headers: message.headers,
      idempotencyKey: message.idempotencyKey ?? null,
      createdAt,
    })),
    skipDuplicates: true,
    select: { id: true, idempotencyKey: true },
  });
  const byKey = new Map(created.flatMap((row) => (row.idempotencyKey ? [[row.idempotencyKey, row.id] as const] : [])));
  const unkeyed = created.filter((row) => !row.idempotencyKey).map((row) => row.id);
  const missing = messages.flatMap((message) =>
    message.idempotencyKey && !byKey.has(message.idempotencyKey) ? [message.idempotencyKey] : [],
  );
  if (missing.length > 0) {
    const existing = await db().emailOutbox.findMany({
      where: { idempotencyKey: { in: missing } },
      select: { id: true, idempotencyKey: true },
    });
    for (const row of existing) byKey.set(row.idempotencyKey!, row.id);
  }
  return messages.map((message) => (message.idempotencyKey ? byKey.get(message.idempotencyKey)! : unkeyed.shift()!));
}

const outboxSummary = { id: true, to: true, from: true, subject: true, createdAt: true } as const;

export function listOutboxMessages(scope: Scope, take: number) {
  return db().emailOutbox.findMany({
    where: { tenantId: scope.tenantId },
    select: outboxSummary,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}

export function findOutboxMessage(scope: Scope, id: string) {
  return db().emailOutbox.findFirst({
    where: { tenantId: scope.tenantId, id },
    select: { ...outboxSummary, html: true, text: true, headers: true },
  });
}

export function countOutboxMessages(scope: Scope): Promise<number> {
  return db().emailOutbox.count({ where: { tenantId: scope.tenantId } });
}
