import { db, type Tx } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import type { LossReasonInput, LossReasonOut } from "./schemas";

const select = { id: true, label: true } as const;

export function listLossReasons(scope: Scope): Promise<LossReasonOut[]> {
  return db().lossReason.findMany({ where: { tenantId: scope.tenantId }, select, orderBy: [{ label: "asc" }, { id: "asc" }] });
}

export async function createLossReason(scope: Scope, input: LossReasonInput): Promise<LossReasonOut> {
  await assertLabelFree(scope, input.label);
  return db().lossReason.create({ data: { tenantId: scope.tenantId, label: input.label }, select });
}

export async function updateLossReason(scope: Scope, id: string, input: LossReasonInput): Promise<LossReasonOut> {
  await assertLabelFree(scope, input.label, id);
  const { count } = await db().lossReason.updateMany({ where: { id, tenantId: scope.tenantId }, data: { label: input.label } });
  if (count === 0) throw new NotFoundError("Loss reason");
  return (await db().lossReason.findUnique({ where: { id }, select }))!;
}

/** Deals closed with it keep their loss text; their `loss_reason_id` becomes null. */
export async function deleteLossReason(scope: Scope, id: string): Promise<void> {
  const { count } = await db().lossReason.deleteMany({ where: { id, tenantId: scope.tenantId } });
  if (count === 0) throw new NotFoundError("Loss reason");
}

/** The label of the company's loss reason `id`, for closing a deal lost with it; an unknown id is refused on the field. */
export async function lossReasonLabel(scope: Scope, id: string, tx?: Tx): Promise<string> {
  const reason = await (tx ?? db()).lossReason.findFirst({ where: { id, tenantId: scope.tenantId }, select });
  if (!reason) throw ValidationError.field("loss_reason_id", "must be a loss reason of your company");
  return reason.label;
}

async function assertLabelFree(scope: Scope, label: string, exceptId?: string): Promise<void> {
  const taken = await db().lossReason.findFirst({
    where: { tenantId: scope.tenantId, label, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) throw new ConflictError(`A loss reason "${label}" already exists.`, "label");
}
