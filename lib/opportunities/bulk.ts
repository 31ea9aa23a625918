import type { Scope } from "@/lib/scope";
import { DomainError, NotFoundError } from "@/lib/errors";
import { systemClock, type Clock } from "@/lib/clock";
import type { BulkActionInput, BulkResultOut } from "./schemas";
import { deleteOpportunity, updateOpportunity, updateStage } from "./service";

/**
 * One action on many deals, each id on its own with exactly the rules of the single-deal routes (a rep only their
 * own deals, closed deals final, admins delete): one id's refusal never stops the others. Ids run in the order
 * given, so two of one action cannot race each other.
 */
export async function bulkUpdateOpportunities(scope: Scope, input: BulkActionInput, clock: Clock = systemClock): Promise<BulkResultOut> {
  const results: BulkResultOut["results"] = [];
  for (const id of new Set(input.ids)) {
    try {
      await applyTo(scope, id, input, clock);
      results.push({ id, status: 200 });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results.push({ id, status: error.status, detail: error.message });
    }
  }
  // Not one of the deals exists for this caller: nothing to report per deal.
  if (results.every((result) => result.status === 404)) throw new NotFoundError("None of these opportunities exist.");
  const succeeded = results.filter((result) => result.status === 200).length;
  return { succeeded, failed: results.length - succeeded, results };
}

function applyTo(scope: Scope, id: string, input: BulkActionInput, clock: Clock): Promise<unknown> {
  switch (input.action) {
    case "assign":
      return updateOpportunity(scope, id, { assigned_to: input.assigned_to }, { clock });
    case "move_stage":
      return updateStage(scope, id, { stage: input.stage, loss_reason: input.loss_reason }, { clock });
    case "set_forecast_category":
      return updateOpportunity(scope, id, { forecast_category: input.forecast_category }, { clock });
    case "delete":
      return deleteOpportunity(scope, id, { clock });
  }
}
