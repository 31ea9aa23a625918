"use client";

import { useActionState } from "react";
import { SaveRow } from "@/components/ui/save-row";
import { FormError } from "@/components/ui/form-error";
import { type ActionResult, initialActionResult } from "@/lib/http/browser";

export type ChannelRow = {
  category: string;
  label: string;
  description: string;
  inApp: boolean;
  email: "INSTANT" | "DAILY_DIGEST" | "OFF";
  push: boolean;
};

type ChannelMatrixFormProps = {
  rows: ChannelRow[];
  save: (prev: ActionResult, form: FormData) => Promise<ActionResult>;
};

const EMAIL_MODES = [
  { value: "INSTANT", label: "Instant" },
  { value: "DAILY_DIGEST", label: "Daily digest" },
  { value: "OFF", label: "Off" },
];

const checkbox = "h-4 w-4 shrink-0 rounded border-slate-300 text-brand-600";

/** Category × channel: in the app, by email (instant, daily digest or off) and by push. A table on wide screens, cards on phones. */
export function ChannelMatrixForm({ rows, save }: ChannelMatrixFormProps) {
  const [state, action, pending] = useActionState<ActionResult, FormData>(save, initialActionResult);
  return (
    <form action={action} className="mt-4 space-y-4">
      <div role="table" aria-label="How you get each kind of notification" className="text-sm">
        <div role="rowgroup" className="hidden sm:block">
          <div role="row" className="grid grid-cols-[1fr_5rem_9rem_5rem] gap-3 border-b border-slate-200 pb-2 font-medium text-slate-600">
            <span role="columnheader">Notification</span>
            <span role="columnheader">In the app</span>
            <span role="columnheader">Email</span>
            <span role="columnheader">Push</span>
          </div>
        </div>
        <div role="rowgroup" className="divide-y divide-slate-100">
          {rows.map((row) => (
            <div
              role="row"
              key={row.category}
              className="grid grid-cols-[1fr_auto] items-center gap-x-3 gap-y-2 py-3 sm:grid-cols-[1fr_5rem_9rem_5rem]"
            >
              <span role="rowheader" className="col-span-2 min-w-0 sm:col-span-1">
                <span className="font-medium text-slate-800">{row.label}</span>
                <span id={`channels-${row.category}-description`} className="block text-slate-500">
                  {row.description}
                </span>
              </span>
              <span role="cell" className="flex items-center gap-2">
                <input
                  id={`in-app-${row.category}`}
                  type="checkbox"
                  name="in_app"
                  value={row.category}
                  defaultChecked={row.inApp}
                  className={checkbox}
                  aria-label={`${row.label} in the app`}
                />
                <label htmlFor={`in-app-${row.category}`} className="text-slate-600 sm:sr-only">
                  In the app
                </label>
              </span>
              <span role="cell" className="flex items-center gap-2 justify-self-end sm:justify-self-auto">
                <label htmlFor={`email-${row.category}`} className="text-slate-600 sm:sr-only">
                  Email
                </label>
                <select
                  id={`email-${row.category}`}
                  name={`email:${row.category}`}
                  defaultValue={row.email}
                  aria-label={`${row.label} by email`}
                  className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
                >
                  {EMAIL_MODES.map((mode) => (
                    <option key={mode.value} value={mode.value}>
                      {mode.label}
                    </option>
                  ))}
                </select>
              </span>
              <span role="cell" className="flex items-center gap-2">
                <input
                  id={`push-${row.category}`}
                  type="checkbox"
                  name="push"
                  value={row.category}
                  defaultChecked={row.push}
                  className={checkbox}
                  aria-label={`${row.label} by push`}
                />
                <label htmlFor={`push-${row.category}`} className="text-slate-600 sm:sr-only">
                  Push
                </label>
              </span>
            </div>
          ))}
        </div>
      </div>
      <FormError message={state.ok ? undefined : state.message} />
      <SaveRow label="Save notification preferences" pending={pending} state={state} />
    </form>
  );
}
