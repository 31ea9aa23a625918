"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { TOKEN_LIFETIMES } from "@/lib/auth/browser";
import { SelectField } from "@/components/ui/select-field";
import { type ActionResult, initialActionResult } from "@/lib/http/browser";
import { createPersonalTokenAction } from "./actions";

export function CreateTokenForm() {
  const [state, action, pending] = useActionState<ActionResult, FormData>(createPersonalTokenAction, initialActionResult);
  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field label="Token name" name="name" placeholder="e.g. Reporting script" required error={state.errors.name} className="flex-1" />
        <SelectField
          id="expires_in_days"
          label="Expires"
          name="expires_in_days"
          defaultValue={state.values?.expires_in_days ?? "90"}
          error={state.errors.expires_in_days}
          options={Object.entries(TOKEN_LIFETIMES).map(([value, label]) => ({ value, label }))}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
      {state.ok && state.values?.token ? (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm">
          <p className="font-medium text-emerald-800">Token “{state.values.name}” created. Copy it now: it will not be shown again.</p>
          <code data-testid="new-token" className="mt-2 block rounded bg-white px-2 py-1.5 font-mono text-xs break-all text-slate-800">
            {state.values.token}
          </code>
          <div className="mt-2">
            <CopyButton text={state.values.token} label="Copy token" />
          </div>
        </div>
      ) : null}
    </div>
  );
}
