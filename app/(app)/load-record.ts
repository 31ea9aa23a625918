import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePageScope } from "@/lib/auth";
import { NotFoundError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";

const recordId = z.uuid();

/** The record of an `[id]` page: a malformed id, a missing or deleted record, or one the user may not see → 404. */
export async function loadRecord<T>(id: string, get: (scope: Scope, id: string) => Promise<T>): Promise<{ scope: Scope; record: T }> {
  const scope = await requirePageScope();
  if (!recordId.safeParse(id).success) notFound();
  try {
    return { scope, record: await get(scope, id) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
