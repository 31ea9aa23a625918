"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { type ActionResult, initialActionResult } from "@/lib/http/browser";
import { SelectField } from "@/components/ui/select-field";

export type VehicleFormValues = { name: string; plate_number: string; assigned_to: string; next_maintenance_date: string };

type VehicleFormProps = {
  /** Creates, or updates the vehicle it is bound to; redirects to the vehicle's page when it worked. */
  action: (prev: ActionResult, form: FormData) => Promise<ActionResult>;
  defaults?: VehicleFormValues;
  submitLabel: string;
  cancelHref: string;
  users: { id: string; name: string }[];
};

export function VehicleForm({ action: save, defaults, submitLabel, cancelHref, users }: VehicleFormProps) {
  const [state, action, pending] = useActionState<ActionResult, FormData>(save, initialActionResult);
  const err = state.errors;
  const val: Partial<VehicleFormValues> = state.values ?? defaults ?? {};
  return (
    <form key={state.attempt} action={action} noValidate className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
      <FormError message={state.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Name"
          name="name"
          required
          maxLength={200}
          defaultValue={val.name}
          error={err.name}
          placeholder="e.g. Van 3"
          autoComplete="off"
        />
        <Field
          label="Plate number"
          name="plate_number"
          required
          maxLength={20}
          defaultValue={val.plate_number}
          error={err.plate_number}
          autoComplete="off"
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Assigned to"
          name="assigned_to"
          defaultValue={val.assigned_to ?? ""}
          error={err.assigned_to}
          options={[{ value: "", label: "Unassigned" }, ...users.map((u) => ({ value: u.id, label: u.name }))]}
        />
        <Field
          label="Next maintenance"
          name="next_maintenance_date"
          type="date"
          required
          defaultValue={val.next_maintenance_date}
          error={err.next_maintenance_date}
        />
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        <Link
          href={cancelHref}
          className="inline-flex items-center rounded-md px-3.5 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
        >
          Cancel
        </Link>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}
