"use client";

import { useState, useTransition } from "react";
import { closeOpportunityAction, deleteOpportunityAction, type ActionResult } from "@/app/(app)/opportunities/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "./confirm-dialog";
import { LossReasonDialog } from "./loss-reason-dialog";

type OpportunityActionsProps = { id: string; name: string; version: number; isClosed: boolean; canDelete: boolean };

type Dialog = "won" | "lost" | "delete" | null;

/** Close won / close lost (with a reason) for open deals, delete for admins: each confirmed in a dialog. */
export function OpportunityActions({ id, name, version, isClosed, canDelete }: OpportunityActionsProps) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  function open(next: Dialog) {
    setError(undefined);
    setDialog(next);
  }

  function run(action: () => Promise<ActionResult>) {
    startTransition(async () => {
      const result = await action();
      if (!result || result.ok) {
        setDialog(null);
        return;
      }
      setError([result.message, ...result.errors.map((e) => e.message)].filter(Boolean).join(" "));
    });
  }

  return (
    <>
      {!isClosed ? (
        <>
          <Button variant="secondary" onClick={() => open("won")}>
            Close as won
          </Button>
          <Button variant="secondary" onClick={() => open("lost")}>
            Close as lost
          </Button>
        </>
      ) : null}
      {canDelete ? (
        <Button variant="danger" onClick={() => open("delete")}>
          Delete
        </Button>
      ) : null}
      <ConfirmDialog
        open={dialog === "won"}
        title="Close as won?"
        message={
          <>
            <strong className="font-medium text-slate-900">{name}</strong> will close as won with probability 100%. Closed deals are final.
          </>
        }
        confirmLabel="Close as won"
        pending={pending}
        error={error}
        onCancel={() => setDialog(null)}
        onConfirm={() => run(() => closeOpportunityAction(id, version, "CLOSED_WON"))}
      />
      <LossReasonDialog
        open={dialog === "lost"}
        dealName={name}
        pending={pending}
        error={error}
        onCancel={() => setDialog(null)}
        onConfirm={(reason) => run(() => closeOpportunityAction(id, version, "CLOSED_LOST", reason))}
      />
      <ConfirmDialog
        open={dialog === "delete"}
        title="Delete this opportunity?"
        message={
          <>
            <strong className="font-medium text-slate-900">{name}</strong> will disappear from the pipeline, the lists and the summary.
          </>
        }
        confirmLabel="Delete"
        variant="danger"
        pending={pending}
        error={error}
        onCancel={() => setDialog(null)}
        onConfirm={() => run(() => deleteOpportunityAction(id, version))}
      />
    </>
  );
}
