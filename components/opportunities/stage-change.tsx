import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { STAGE_LABEL } from "./stage-meta";

/** "Lead → Proposal" (read as "Lead to Proposal"), or "Created in Lead" for a deal's first entry. */
export function StageChangeTitle({ from, to }: { from: OpportunityStage | null; to: OpportunityStage }) {
  if (!from) return <>Created in {STAGE_LABEL[to]}</>;
  return (
    <>
      {STAGE_LABEL[from]} <span aria-hidden="true">→</span>
      <span className="sr-only">to</span> {STAGE_LABEL[to]}
    </>
  );
}
