import { DomainError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { vapidConfig } from "./config";
import { deleteOwnSubscription, ownEndpoints, saveSubscription } from "./repository";
import type { PushSubscriptionInput, PushSubscriptionOut } from "./schemas";

/** Push without VAPID keys: the routes answer this 404. */
export class PushUnavailableError extends DomainError {
  constructor() {
    super("Web push is not set up on this server (VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT are not set).", 404, "Not Found");
  }
}

/** The key browsers subscribe with, or null when push is not set up (the settings switch then explains that). */
export function pushPublicKeyOrNull(): string | null {
  return vapidConfig()?.publicKey ?? null;
}

export function getPushPublicKey(): { public_key: string } {
  const key = pushPublicKeyOrNull();
  if (!key) throw new PushUnavailableError();
  return { public_key: key };
}

export async function subscribePush(scope: Scope, input: PushSubscriptionInput, userAgent: string | null): Promise<PushSubscriptionOut> {
  if (!vapidConfig()) throw new PushUnavailableError();
  const row = await saveSubscription(scope, {
    endpoint: input.endpoint,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
    userAgent: userAgent?.slice(0, 500) || null,
  });
  return { id: row.id, endpoint: row.endpoint, created_at: row.created_at.toISOString() };
}

/** Forgets one of the caller's browsers by its endpoint (from the body or the query); another user's is 404. */
export async function unsubscribePush(scope: Scope, endpoint: string | undefined): Promise<void> {
  if (!endpoint) throw ValidationError.field("endpoint", "is required (in the body or the query)");
  if (!(await deleteOwnSubscription(scope, endpoint))) throw new NotFoundError("Push subscription");
}

/** The endpoints of the caller's subscribed browsers. */
export function pushEndpointsOf(scope: Scope): Promise<string[]> {
  return ownEndpoints(scope);
}
