import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import type { BadgeTone } from "@/components/ui/list-ui";

export const STAGE_LABEL: Record<OpportunityStage, string> = {
  LEAD: "Lead",
  QUALIFIED: "Qualified",
  PROPOSAL: "Proposal",
  NEGOTIATION: "Negotiation",
  CLOSED_WON: "Closed won",
  CLOSED_LOST: "Closed lost",
};

export const STAGE_TONE: Record<OpportunityStage, BadgeTone> = {
  LEAD: "slate",
  QUALIFIED: "blue",
  PROPOSAL: "blue",
  NEGOTIATION: "amber",
  CLOSED_WON: "green",
  CLOSED_LOST: "red",
};

/** The colour strip of a board column and the bars of the dashboard chart. */
export const STAGE_ACCENT: Record<OpportunityStage, string> = {
  LEAD: "bg-slate-400",
  QUALIFIED: "bg-sky-500",
  PROPOSAL: "bg-brand-500",
  NEGOTIATION: "bg-amber-500",
  CLOSED_WON: "bg-emerald-500",
  CLOSED_LOST: "bg-red-500",
};
