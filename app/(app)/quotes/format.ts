import type { QuoteStatus } from "@/lib/generated/prisma/enums";
import type { BadgeTone } from "@/components/ui/list-ui";

export const statusTone: Record<QuoteStatus, BadgeTone> = {
  DRAFT: "slate",
  SENT: "blue",
  ACCEPTED: "green",
  REJECTED: "red",
  EXPIRED: "amber",
};

export const statusLabel: Record<QuoteStatus, string> = {
  DRAFT: "Draft",
  SENT: "Sent",
  ACCEPTED: "Accepted",
  REJECTED: "Rejected",
  EXPIRED: "Expired",
};
