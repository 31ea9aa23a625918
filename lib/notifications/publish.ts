import type { Tx } from "@/lib/db";
import { logger } from "@/lib/log";
import { encodeLiveEvents, NOTIFICATION_CHANNEL, type LiveEvent } from "./live-events";
import { notifyChannel } from "./repository";

/**
 * Tells every app instance (through PostgreSQL NOTIFY) that these users' notifications changed. Given a
 * transaction, the NOTIFY is part of it: PostgreSQL delivers it at commit and drops it on rollback. Outside
 * one, it runs after the write has committed; a failure here never undoes the write.
 */
export async function publishLive(events: LiveEvent[], tx?: Tx): Promise<void> {
  const payloads = encodeLiveEvents(events);
  if (tx) return notifyChannel(NOTIFICATION_CHANNEL, payloads, tx);
  try {
    await notifyChannel(NOTIFICATION_CHANNEL, payloads);
  } catch (error) {
    logger.warn({ err: error }, "notifications: NOTIFY failed");
  }
}
