import { notFound } from "next/navigation";
import { cache } from "react";
import { requirePageScope } from "@/lib/auth";
import { findVisibleOpportunity, opportunityIdParams, serializeOpportunity } from "@/lib/opportunities";

/** The opportunity of an `[id]` page; a malformed id, a missing or deleted deal, or another's (for a rep) → 404. */
export const loadOpportunity = cache(async (id: string) => {
  const scope = await requirePageScope();
  const params = opportunityIdParams.safeParse({ id });
  if (!params.success) notFound();
  const row = await findVisibleOpportunity(scope, params.data.id);
  if (!row) notFound();
  return { scope, opportunity: serializeOpportunity(row) };
});
