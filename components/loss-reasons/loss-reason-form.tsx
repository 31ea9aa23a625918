"use client";

import { useActionState } from "react";
import { initialActionResult, type ActionResult } from "@/lib/http/browser";
import { Button } from "@/components/ui/button";

/** Adds a loss reason; a refused label (empty, too long, taken) is said under the field. */
export function LossReasonForm({ add }: { add: (prev: ActionResult, form: FormData) => Promise<ActionResult> }) {
  const [state, action, pending] = useActionState(add, initialActionResult);
  const error = state.errors.label ?? (!state.ok && state.attempt > 0 ? state.message : undefined);
  return (
    <form action={action} key={state.ok ? state.attempt : "editing"} className="flex flex-wrap items-end gap-3">
      <label className="text-sm font-medium text-slate-700">
        New reason
        <input
          name="label"
          maxLength={100}
          defaultValue={state.ok ? "" : state.values?.label}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "loss-reason-label-error" : undefined}
          className="mt-1 block w-64 max-w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      </label>
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add reason"}
      </Button>
      {error ? (
        <p id="loss-reason-label-error" role="alert" className="w-full text-xs text-red-600">
          {error}
        </p>
      ) : null}
    </form>
  );
}
