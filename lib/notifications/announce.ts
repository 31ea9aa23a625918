import type { Tx } from "@/lib/db";
import { queuePush } from "@/lib/push";
import { anyWebhookListensTo, recordWebhookEvents } from "@/lib/webhook-events";
import { publishLive } from "./publish";
import { notificationsByIds } from "./repository";
import { serializeNotification, type NotificationRow } from "./serialize";

type Created = { id: string; userId: string };

const publishCreated = (rows: Created[], tx?: Tx) =>
  publishLive(
    rows.map((row) => ({ userId: row.userId, kind: "created" as const, notificationIds: [row.id] })),
    tx,
  );

/** A `notification.created` webhook event per notification, for the webhooks of its tenant. */
async function recordCreatedWebhooks(rows: NotificationRow[], tx?: Tx): Promise<void> {
  if (rows.length === 0) return;
  const at = new Date(Math.max(...rows.map((row) => row.createdAt.getTime())));
  await recordWebhookEvents(
    rows.map((row) => ({ tenantId: row.tenantId, type: "notification.created" as const, data: serializeNotification(row) })),
    at,
    tx,
  );
}

/**
 * What every creation of notifications announces: the live event to each recipient's open streams, a
 * `notification.created` webhook event per notification and a push to each browser of the recipient (all in `tx`
 * when given).
 */
export async function announceCreated(rows: NotificationRow[], tx?: Tx): Promise<void> {
  await publishCreated(rows, tx);
  await recordCreatedWebhooks(rows, tx);
  await queuePush(
    rows.map((row) => row.id),
    tx,
  );
}

/** The same for notifications inserted set-based (ids only): the rows are read only when a webhook wants them. */
export async function announceCreatedIds(rows: Created[]): Promise<void> {
  await publishCreated(rows);
  if (rows.length > 0 && (await anyWebhookListensTo("notification.created")))
    await recordCreatedWebhooks(await notificationsByIds(rows.map((row) => row.id)));
  await queuePush(rows.map((row) => row.id));
}
