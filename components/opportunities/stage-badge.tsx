import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { Badge } from "@/components/ui/list-ui";
import { STAGE_LABEL, STAGE_TONE } from "./stage-meta";

export function StageBadge({ stage }: { stage: OpportunityStage }) {
  return <Badge tone={STAGE_TONE[stage]}>{STAGE_LABEL[stage]}</Badge>;
}

export function OverdueBadge() {
  return <Badge tone="red">Overdue</Badge>;
}
