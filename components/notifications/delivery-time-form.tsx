"use client";

import { useActionState, useState } from "react";
import { SaveRow } from "@/components/ui/save-row";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { type ActionResult, initialActionResult } from "@/lib/http/browser";

type DeliveryTimeFormProps = {
  timezone: string;
  quietHours: { start: string; end: string } | null;
  save: (prev: ActionResult, form: FormData) => Promise<ActionResult>;
};

/** Every zone the browser knows, the saved one first kept even if this browser does not list it. */
function zoneOptions(saved: string) {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const all = [...new Set(["UTC", saved, ...zones])].sort((a, b) => (a === "UTC" ? -1 : b === "UTC" ? 1 : a.localeCompare(b)));
  return all.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }));
}

/** The user's time zone (for the 08:00 digest and quiet hours) and their quiet hours. */
export function DeliveryTimeForm({ timezone, quietHours, save }: DeliveryTimeFormProps) {
  const [state, action, pending] = useActionState<ActionResult, FormData>(save, initialActionResult);
  const [quiet, setQuiet] = useState(quietHours !== null);
  const values = state.values;
  return (
    <form action={action} className="mt-4 space-y-4" key={state.attempt}>
      <SelectField
        label="Time zone"
        name="timezone"
        options={zoneOptions(values?.timezone ?? timezone)}
        defaultValue={values?.timezone ?? timezone}
        error={state.errors.timezone}
        hint="Daily digests arrive at 08:00 in this time zone."
      />
      <div className="flex items-start gap-3">
        <input
          id="quiet-hours-on"
          type="checkbox"
          name="quiet_hours_on"
          checked={quiet}
          onChange={(event) => setQuiet(event.target.checked)}
          className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300 text-brand-600"
          aria-describedby="quiet-hours-description"
        />
        <label htmlFor="quiet-hours-on" className="text-sm">
          <span className="font-medium text-slate-800">Quiet hours</span>
          <span id="quiet-hours-description" className="block text-slate-500">
            Emails and push notifications that come up in these hours wait until they end. Critical ones still come at once.
          </span>
        </label>
      </div>
      {quiet ? (
        <div className="grid max-w-sm grid-cols-2 gap-3">
          <Field
            label="From"
            name="quiet_start"
            type="time"
            required
            defaultValue={values?.quiet_start ?? quietHours?.start ?? "22:00"}
            error={state.errors["quiet_hours.start"]}
          />
          <Field
            label="Until"
            name="quiet_end"
            type="time"
            required
            defaultValue={values?.quiet_end ?? quietHours?.end ?? "07:00"}
            error={state.errors["quiet_hours.end"] ?? state.errors.quiet_hours}
          />
        </div>
      ) : null}
      <SaveRow label="Save time zone and quiet hours" pending={pending} state={state} />
    </form>
  );
}
