"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";

type LossReasonDialogProps = {
  open: boolean;
  dealName: string;
  pending?: boolean;
  /** A refusal from the server, shown in the dialog. */
  error?: string;
  onCancel: () => void;
  onConfirm: (reason: string, reasonId?: string) => void;
  /** The company's loss reasons: picking one fills in its label (which may then be edited). */
  reasons?: readonly { id: string; label: string }[];
};

const MAX_REASON = 1000;

/** Closing a deal as lost needs a reason: the dialog will not confirm without one. */
export function LossReasonDialog({ open, dealName, pending = false, error, onCancel, onConfirm, reasons = [] }: LossReasonDialogProps) {
  return (
    <Modal
      open={open}
      title="Mark as lost"
      description={
        <>
          Why was <strong className="font-medium text-slate-900">{dealName}</strong> lost?
        </>
      }
      onClose={onCancel}
    >
      <LossReasonForm pending={pending} error={error} onCancel={onCancel} onConfirm={onConfirm} reasons={reasons} />
    </Modal>
  );
}

/** Mounted only while the dialog is open, so every opening starts empty. */
function LossReasonForm({ pending, error, onCancel, onConfirm, reasons = [] }: Omit<LossReasonDialogProps, "open" | "dealName">) {
  const [reason, setReason] = useState("");
  const [reasonId, setReasonId] = useState("");
  const [missing, setMissing] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = reason.trim();
    if (text === "") setMissing(true);
    else onConfirm(text, reasonId || undefined);
  }

  const message = missing ? "Enter the reason the deal was lost." : error;
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {reasons.length > 0 ? (
        <div>
          <label htmlFor="loss-reason-id" className="block text-sm font-medium text-slate-700">
            Reason from the list
          </label>
          <select
            id="loss-reason-id"
            name="loss_reason_id"
            value={reasonId}
            onChange={(event) => {
              const previous = reasons.find((r) => r.id === reasonId)?.label ?? "";
              const picked = reasons.find((r) => r.id === event.target.value)?.label ?? "";
              setReasonId(event.target.value);
              if (reason.trim() === "" || reason === previous) setReason(picked);
              if (picked !== "") setMissing(false);
            }}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          >
            <option value="">None: describe it below</option>
            {reasons.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div>
        <label htmlFor="loss-reason" className="block text-sm font-medium text-slate-700">
          Loss reason
        </label>
        <textarea
          id="loss-reason"
          name="loss_reason"
          rows={3}
          required
          maxLength={MAX_REASON}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            if (event.target.value.trim() !== "") setMissing(false);
          }}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? "loss-reason-error" : undefined}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none aria-invalid:border-red-500"
        />
        {message ? (
          <p id="loss-reason-error" role="alert" className="mt-1 text-xs text-red-600">
            {message}
          </p>
        ) : null}
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Saving…" : "Mark as lost"}
        </Button>
      </div>
    </form>
  );
}
