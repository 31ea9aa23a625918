import { Button } from "./button";
import type { ActionResult } from "@/lib/http/browser";

/** A settings form's submit button and, once its last answer was a success, "Saved." announced to screen readers. */
export function SaveRow({ label, pending, state }: { label: string; pending: boolean; state: ActionResult }) {
  return (
    <div className="flex items-center gap-3">
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : label}
      </Button>
      {state.attempt > 0 && state.ok && !pending ? (
        <p role="status" className="text-sm text-emerald-700">
          Saved.
        </p>
      ) : null}
    </div>
  );
}
