import type { Metadata } from "next";
import Link from "next/link";
import { requirePageScope } from "@/lib/auth";
import { listLossReasons } from "@/lib/loss-reasons";
import { LossReasonForm } from "@/components/loss-reasons/loss-reason-form";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { PageHeader } from "@/components/ui/list-ui";
import { addLossReasonAction, deleteLossReasonAction } from "./actions";

export const metadata: Metadata = { title: "Loss reasons" };

export default async function LossReasonsPage() {
  const scope = await requirePageScope();
  const reasons = await listLossReasons(scope);
  const admin = scope.role === "ADMIN";
  return (
    <div className="space-y-6">
      <PageHeader
        title="Loss reasons"
        description="Offered when a deal is closed as lost; the win/loss report groups lost deals by them."
      />
      <p className="text-sm">
        <Link href="/settings" className="text-brand-700 underline underline-offset-2">
          ← Settings
        </Link>
      </p>
      <section className="rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="reasons-heading">
        <h2 id="reasons-heading" className="text-base font-semibold">
          The list
        </h2>
        {reasons.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No reasons yet: closing lost takes free text only.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100" data-testid="loss-reasons">
            {reasons.map((reason) => (
              <li key={reason.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                <span>{reason.label}</span>
                {admin ? (
                  <form action={deleteLossReasonAction}>
                    <input type="hidden" name="id" value={reason.id} />
                    <ConfirmSubmit
                      className="text-sm text-red-700 underline underline-offset-2"
                      aria-label={`Remove ${reason.label}`}
                      title="Remove this loss reason?"
                      message={`Deals closed with “${reason.label}” keep their loss text.`}
                      confirmLabel="Remove"
                    >
                      Remove
                    </ConfirmSubmit>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {admin ? (
          <div className="mt-4">
            <LossReasonForm add={addLossReasonAction} />
          </div>
        ) : null}
      </section>
    </div>
  );
}
