import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "./authjs";
import { findActiveUserScope, findSignedInUser } from "./repository";
import type { Scope } from "@/lib/scope";

/** The signed-in user's scope for a page or server action; anyone else is sent to the login page. */
export const requirePageScope = cache(async (): Promise<Scope> => {
  const session = await auth();
  const scope = session?.user?.id ? await findActiveUserScope(session.user.id) : null;
  if (!scope) redirect("/login");
  return scope;
});

export const currentUser = cache(async () => {
  const scope = await requirePageScope();
  const user = await findSignedInUser(scope);
  if (!user) redirect("/login");
  return user;
});
