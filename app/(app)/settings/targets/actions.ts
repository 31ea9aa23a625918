"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePageScope } from "@/lib/auth";
import { DomainError } from "@/lib/errors";
import { putTargets, putTargetsBody } from "@/lib/forecast";
import { parseInput } from "@/lib/http";
import { MANAGER_ROLES, requireRole } from "@/lib/scope";

const PAGE = "/settings/targets";

/**
 * Saves the targets grid: every field `amount:<user id>:<YYYY-MM>` whose value changed from the one shown
 * (`was:<same key>`); an emptied field removes the target. Managers only, through the same rules as PUT /targets.
 */
export async function saveTargetsAction(form: FormData): Promise<void> {
  const scope = await requirePageScope();
  requireRole(scope, MANAGER_ROLES);
  const from = String(form.get("from") ?? "");
  const targets = [...form.entries()].flatMap(([name, value]) => {
    if (!name.startsWith("amount:")) return [];
    const [, userId, month] = name.split(":");
    const amount = String(value).trim() || "0";
    return amount === String(form.get(`was:${userId}:${month}`) ?? "0") ? [] : [{ user_id: userId, month, amount }];
  });
  let outcome = "saved";
  if (targets.length > 0) {
    const parsed = parseInput(putTargetsBody, { targets });
    if (!parsed.success) outcome = "invalid";
    else
      try {
        await putTargets(scope, parsed.data);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        outcome = "invalid";
      }
  }
  revalidatePath(PAGE);
  revalidatePath("/forecast");
  redirect(`${PAGE}?from=${encodeURIComponent(from)}&${outcome}=${targets.length}`);
}
