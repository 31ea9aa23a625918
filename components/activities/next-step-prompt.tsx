"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import { toast } from "sonner";
import { Modal } from "@/components/ui/modal";
import { ActivityForm } from "./activity-form";

/**
 * After a deal moves to an open stage: a toast of its own asks for the next step. It never opens anything by itself
 * nor takes focus; only its "Plan next step" button opens the dialog (rendered by `NextStepDialogHost`). Ignored, it
 * just times out.
 */

type Deal = { id: string; name: string };

let planning: Deal | null = null;
const listeners = new Set<() => void>();
const setPlanning = (deal: Deal | null) => {
  planning = deal;
  for (const listener of listeners) listener();
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function promptNextStep(deal: Deal): void {
  toast(`Plan the next step for ${deal.name}?`, {
    id: `next-step-${deal.id}`,
    duration: 8000,
    action: { label: "Plan next step", onClick: () => setPlanning(deal) },
  });
}

/** The dialog the prompt's button opens; mount once next to the board. */
export function NextStepDialogHost() {
  const deal = useSyncExternalStore(
    subscribe,
    () => planning,
    () => null,
  );
  const queryClient = useQueryClient();
  return (
    <Modal open={deal !== null} title={`Next step for ${deal?.name ?? ""}`} onClose={() => setPlanning(null)}>
      {deal ? (
        <ActivityForm
          opportunityId={deal.id}
          submitLabel="Plan next step"
          onCancel={() => setPlanning(null)}
          onSaved={(activity) => {
            setPlanning(null);
            toast.success(`Planned: ${activity.subject}`);
            void queryClient.invalidateQueries({ queryKey: ["pipeline-board"] });
          }}
        />
      ) : null}
    </Modal>
  );
}
