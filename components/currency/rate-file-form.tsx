"use client";

import { useActionState } from "react";
import { initialActionResult, type ActionResult } from "@/lib/http/browser";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";

type Load = (prev: ActionResult, form: FormData) => Promise<ActionResult>;

/** Loads rates from a file; a refused file lists every bad row, and nothing of it is applied. */
export function RateFileForm({ load }: { load: Load }) {
  const [state, action, pending] = useActionState<ActionResult, FormData>(load, initialActionResult);
  const problems = Object.entries(state.errors);
  return (
    <form action={action} className="space-y-3" aria-label="Load rates from a file">
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <div>
          <label htmlFor="rate-file" className="block text-sm font-medium text-slate-700">
            File
          </label>
          <input
            id="rate-file"
            name="file"
            type="file"
            accept=".csv,.xml,text/csv,application/xml,text/xml"
            required
            className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium"
          />
        </div>
        <SelectField
          label="Format"
          name="format"
          defaultValue=""
          options={[
            { value: "", label: "Recognise it" },
            { value: "ecb", label: "ECB reference rates (XML)" },
            { value: "csv", label: "CSV (currency,rate,effective_from)" },
          ]}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Loading…" : "Load rates"}
        </Button>
      </div>
      {state.message ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      {problems.length > 0 ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <p className="font-medium">Nothing was loaded: fix these rows and try again.</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map(([where, message]) => (
              <li key={where}>
                {where}: {message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {state.attempt > 0 && state.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          Rates loaded.
        </p>
      ) : null}
    </form>
  );
}
