"use client";

import { useState, type FormEvent } from "react";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { OPEN_STAGES } from "@/lib/opportunities/browser";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { STAGE_LABEL } from "@/components/opportunities/stage-meta";

type ReopenDialogProps = {
  open: boolean;
  dealName: string;
  /** The open stage offered first (the column a card was dropped on). */
  stage: OpportunityStage;
  onCancel: () => void;
  onConfirm: (stage: OpportunityStage, reason: string) => void;
};

const MAX_REASON = 500;

/** Reopening a closed deal asks for the open stage it goes back to and why (its history keeps the reason). */
export function ReopenDialog({ open, dealName, stage, onCancel, onConfirm }: ReopenDialogProps) {
  return (
    <Modal
      open={open}
      title="Reopen deal"
      description={
        <>
          <strong className="font-medium text-slate-900">{dealName}</strong> goes back to an open stage at that stage&apos;s default
          probability.
        </>
      }
      onClose={onCancel}
    >
      {open ? <ReopenForm key={`${dealName}-${stage}`} stage={stage} onCancel={onCancel} onConfirm={onConfirm} /> : null}
    </Modal>
  );
}

/** Mounted only while the dialog is open, so every opening starts from the offered stage and no reason. */
function ReopenForm({ stage: offered, onCancel, onConfirm }: Pick<ReopenDialogProps, "stage" | "onCancel" | "onConfirm">) {
  const [stage, setStage] = useState<OpportunityStage>(offered);
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = reason.trim();
    if (text === "") setMissing(true);
    else onConfirm(stage, text);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <SelectField
        id="reopen-stage"
        label="Stage"
        name="stage"
        value={stage}
        onChange={(event) => setStage(event.target.value as OpportunityStage)}
        options={OPEN_STAGES.map((value) => ({ value, label: STAGE_LABEL[value] }))}
      />
      <TextAreaField
        id="reopen-reason"
        label="Reason"
        name="reason"
        rows={3}
        required
        maxLength={MAX_REASON}
        value={reason}
        onChange={(event) => {
          setReason(event.target.value);
          if (event.target.value.trim() !== "") setMissing(false);
        }}
        error={missing ? "Enter why the deal is reopened." : undefined}
      />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit">Reopen</Button>
      </div>
    </form>
  );
}
