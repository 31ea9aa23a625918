import { auth } from "./authjs";
import { findActiveUserScope } from "./repository";
import { scopeFromBearer } from "./tokens";
import type { Scope } from "@/lib/scope";

export type Caller = { scope: Scope; via: "bearer" | "cookie" };

/**
 * Resolves who is calling: a bearer token when the request carries one (a bad token is not retried as a
 * cookie), otherwise the session cookie. Both re-check that the user is still active.
 */
export async function resolveCaller(request: Request): Promise<Caller | null> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S{10,200})\s*$/i.exec(authorization);
    const scope = match ? await scopeFromBearer(match[1]!) : null;
    return scope ? { scope, via: "bearer" } : null;
  }
  if (!request.headers.get("cookie")?.includes("session-token")) return null;
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const scope = await findActiveUserScope(userId);
  return scope ? { scope, via: "cookie" } : null;
}
