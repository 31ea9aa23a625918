"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { createVehicleAction } from "../actions";
import { type ActionResult, initialActionResult } from "@/lib/http/browser";
import { SelectField } from "@/components/ui/select-field";

export function VehicleForm({ users }: { users: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState<ActionResult, FormData>(createVehicleAction, initialActionResult);
  const err = state.errors;
  const val = state.values ?? {};
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
          href="/vehicles"
          className="inline-flex items-center rounded-md px-3.5 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100"
        >
          Cancel
        </Link>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Create vehicle"}
        </Button>
      </div>
    </form>
  );
}
