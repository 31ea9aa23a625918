import type { Scope } from "@/lib/scope";
import { outboxIsTransport, type Env } from "./config";
import { countOutboxMessages, findOutboxMessage, listOutboxMessages } from "./repository";

/** The outbox page exists in development, and in production only while the outbox is the transport. */
export function outboxPageAvailable(env: Env = process.env): boolean {
  return env.NODE_ENV !== "production" || outboxIsTransport(env);
}

export const OUTBOX_PAGE_SIZE = 50;

export type OutboxMessage = NonNullable<Awaited<ReturnType<typeof findOutboxMessage>>>;

/** The newest messages addressed to users of the caller's tenant, and the one asked for (if it is theirs). */
export async function readOutbox(scope: Scope, selectedId?: string) {
  const [messages, total, selected] = await Promise.all([
    listOutboxMessages(scope, OUTBOX_PAGE_SIZE),
    countOutboxMessages(scope),
    selectedId ? findOutboxMessage(scope, selectedId) : Promise.resolve(null),
  ]);
  return { messages, total, selected };
}
