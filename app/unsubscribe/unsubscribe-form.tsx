"use client";

import { useActionState } from "react";
import { type ActionResult, initialActionResult } from "@/lib/http/browser";
import { unsubscribeAction } from "./actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";

type Props = { token: string; categoryLabel: string; alreadyOff: boolean };

export function UnsubscribeForm({ token, categoryLabel, alreadyOff }: Props) {
  const [state, action, pending] = useActionState<ActionResult, FormData>(unsubscribeAction, initialActionResult);
  if ((state.attempt > 0 && state.ok) || alreadyOff) {
    return (
      <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
        <p className="font-medium">You are unsubscribed from {categoryLabel} emails.</p>
        <p className="mt-1">
          These notifications still appear in the app. You can turn the emails back on in{" "}
          <a className="text-brand-700 underline" href="/settings#email-preferences">
            Settings
          </a>
          .
        </p>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Unsubscribing…" : `Unsubscribe from ${categoryLabel} emails`}
      </Button>
      <FormError message={state.message} />
    </form>
  );
}
