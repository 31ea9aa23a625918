"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/http";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { LossReasonDialog } from "./loss-reason-dialog";

type OpportunityActionsProps = {
  name: string;
  isClosed: boolean;
  canDelete: boolean;
  /** Server actions bound to the deal and the version the page shows. */
  close: (stage: "CLOSED_WON" | "CLOSED_LOST", lossReason?: string, lossReasonId?: string) => Promise<ActionResult>;
  remove: () => Promise<ActionResult>;
  /** The company's loss reasons, offered when closing lost. */
  lossReasons?: readonly { id: string; label: string }[];
};

type Dialog = "won" | "lost" | "delete" | null;

/** Close won / close lost (with a reason) for open deals, delete for admins: each confirmed in a dialog. */
export function OpportunityActions({ name, isClosed, canDelete, close, remove, lossReasons }: OpportunityActionsProps) {
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
      setError([result.message, ...Object.values(result.errors)].filter(Boolean).join(" "));
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
        onConfirm={() => run(() => close("CLOSED_WON"))}
      />
      <LossReasonDialog
        open={dialog === "lost"}
        dealName={name}
        pending={pending}
        error={error}
        onCancel={() => setDialog(null)}
        reasons={lossReasons}
        onConfirm={(reason, reasonId) => run(() => close("CLOSED_LOST", reason, reasonId))}
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
        onConfirm={() => run(() => remove())}
      />
    </>
  );
}
