import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import type { BulkResultOut, ForecastCategory } from "@/lib/opportunities/browser";
import { readProblem } from "@/components/ui/problem";

export type BulkAction =
  | { action: "assign"; ids: string[]; assigned_to: string }
  | { action: "move_stage"; ids: string[]; stage: OpportunityStage; loss_reason?: string }
  | { action: "delete"; ids: string[] }
  | { action: "set_forecast_category"; ids: string[]; forecast_category: ForecastCategory | null };

/** POST /opportunities/bulk as the signed-in user; a refusal of the whole request throws its problem. */
export async function postBulk(body: BulkAction): Promise<BulkResultOut> {
  const response = await fetch("/api/v1/opportunities/bulk", {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await readProblem(response);
  return (await response.json()) as BulkResultOut;
}
