"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TOKEN_LIFETIMES } from "@/lib/auth/personal-token-schemas";
import { createPersonalTokenAction, type CreateTokenState } from "./actions";

export function CreateTokenForm() {
  const [state, action, pending] = useActionState<CreateTokenState, FormData>(createPersonalTokenAction, {});
  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field
          label="Token name"
          name="name"
          placeholder="e.g. Reporting script"
          required
          error={state.fieldErrors?.name}
          className="flex-1"
        />
        <div>
          <label htmlFor="expires_in_days" className="block text-sm font-medium text-slate-700">
            Expires
          </label>
          <select
            id="expires_in_days"
            name="expires_in_days"
            defaultValue="90"
            className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            {Object.entries(TOKEN_LIFETIMES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
      {state.token ? (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm">
          <p className="font-medium text-emerald-800">Token “{state.name}” created. Copy it now: it will not be shown again.</p>
          <code data-testid="new-token" className="mt-2 block rounded bg-white px-2 py-1.5 font-mono text-xs break-all text-slate-800">
            {state.token}
          </code>
        </div>
      ) : null}
    </div>
  );
}
