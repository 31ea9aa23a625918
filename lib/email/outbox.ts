import type { Scope } from "@/lib/scope";
import { NotFoundError } from "@/lib/errors";
import { outboxEnabled, type Env } from "./config";
import { countOutboxMessages, findOutboxMessage, findRecipient, listOutboxMessages } from "./repository";

/** The outbox page exists only while the development outbox is on (see `outboxEnabled`). */
export function outboxPageAvailable(env: Env = process.env): boolean {
  return outboxEnabled(env);
}

/** Only admins read the outbox: it holds the mail of every user of their company. */
export function canReadOutbox(scope: Scope, env: Env = process.env): boolean {
  return outboxPageAvailable(env) && scope.role === "ADMIN";
}

export const OUTBOX_PAGE_SIZE = 50;

type StoredMessage = NonNullable<Awaited<ReturnType<typeof findOutboxMessage>>>;

export type OutboxMessage = StoredMessage & {
  /** Links that act for the recipient (signed unsubscribe links) were taken out: the reader is someone else. */
  redacted: boolean;
};

/** A link that carries a token (a signed unsubscribe link) acts for whoever it was sent to, without a login. */
const SIGNED_LINK = /https?:\/\/[^\s"'<>]*[?&]token=[^\s"'<>]*/gi;
const SIGNED_HREF = /\shref="https?:\/\/[^"]*[?&](?:amp;)?token=[^"]*"/gi;

export const HIDDEN_LINK = "[link hidden: it acts for the recipient]";

/** The message as someone other than its recipient may see it: every signed link replaced by a note. */
export function redactSignedLinks(message: StoredMessage): OutboxMessage {
  const headers =
    message.headers && typeof message.headers === "object" && !Array.isArray(message.headers)
      ? Object.fromEntries(
          Object.entries(message.headers).map(([name, value]) => [
            name,
            typeof value === "string" ? value.replace(SIGNED_LINK, HIDDEN_LINK) : value,
          ]),
        )
      : message.headers;
  return {
    ...message,
    html: message.html.replace(SIGNED_HREF, "").replace(SIGNED_LINK, HIDDEN_LINK),
    text: message.text.replace(SIGNED_LINK, HIDDEN_LINK),
    headers,
    redacted: true,
  };
}

/**
 * The newest messages addressed to users of the admin's tenant, and the one asked for (if it is theirs). A message
 * to someone else shows no link that would act for its recipient. Anyone but an admin: 404.
 */
export async function readOutbox(scope: Scope, selectedId?: string) {
  if (!canReadOutbox(scope)) throw new NotFoundError("Page");
  const [messages, total, selected, reader] = await Promise.all([
    listOutboxMessages(scope, OUTBOX_PAGE_SIZE),
    countOutboxMessages(scope),
    selectedId ? findOutboxMessage(scope, selectedId) : Promise.resolve(null),
    findRecipient(scope.userId),
  ]);
  const own = selected !== null && reader !== null && selected.to.toLowerCase() === reader.email.toLowerCase();
  return { messages, total, selected: selected && (own ? { ...selected, redacted: false } : redactSignedLinks(selected)) };
}
