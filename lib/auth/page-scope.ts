import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "./authjs";
import { findActiveUserScope, findSignedInUser } from "./repository";
import type { Scope } from "@/lib/scope";
import { loginPath, REQUESTED_PATH_HEADER } from "./return-to";

/** To the login page, which brings the user back to the page they asked for. */
async function toLogin(): Promise<never> {
  redirect(loginPath((await headers()).get(REQUESTED_PATH_HEADER)));
}

/** The signed-in user's scope for a page or server action; anyone else is sent to the login page,
 * which brings them back here after signing in. */
export const requirePageScope = cache(async (): Promise<Scope> => {
  const session = await auth();
  const scope = session?.user?.id ? await findActiveUserScope(session.user.id) : null;
  if (!scope) return toLogin();
  return scope;
});

export const currentUser = cache(async () => {
  const scope = await requirePageScope();
  const user = await findSignedInUser(scope);
  if (!user) return toLogin();
  return user;
});
