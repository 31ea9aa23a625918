"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { type ActionResult, initialActionResult } from "@/lib/http/browser";

export type PreferenceRow = { category: string; label: string; description: string; enabled: boolean };

type EmailPreferencesFormProps = {
  preferences: PreferenceRow[];
  save: (prev: ActionResult, form: FormData) => Promise<ActionResult>;
};

export function EmailPreferencesForm({ preferences, save }: EmailPreferencesFormProps) {
  const [state, action, pending] = useActionState<ActionResult, FormData>(save, initialActionResult);
  return (
    <form action={action} className="mt-4 space-y-4">
      <fieldset>
        <legend className="sr-only">Email me about</legend>
        <ul className="divide-y divide-slate-100">
          {preferences.map((row) => (
            <li key={row.category} className="flex items-start gap-3 py-3">
              <input
                id={`email-${row.category}`}
                type="checkbox"
                name="enabled"
                value={row.category}
                defaultChecked={row.enabled}
                aria-describedby={`email-${row.category}-description`}
                className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300 text-brand-600"
              />
              <label htmlFor={`email-${row.category}`} className="min-w-0 text-sm">
                <span className="font-medium text-slate-800">{row.label}</span>
                <span id={`email-${row.category}-description`} className="block text-slate-500">
                  {row.description}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save email preferences"}
        </Button>
        {state.attempt > 0 && state.ok && !pending ? (
          <p role="status" className="text-sm text-emerald-700">
            Saved.
          </p>
        ) : null}
      </div>
    </form>
  );
}
