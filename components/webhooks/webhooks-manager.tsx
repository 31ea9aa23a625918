"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import type { CreatedWebhookOut, WebhookOut } from "@/lib/webhooks/browser";
import { fetchWebhooks } from "./api";
import { WebhookForm } from "./webhook-form";
import { WebhookItem, webhooksKey } from "./webhook-item";

/** Settings → Webhooks: the company's webhooks, a form to add one, and the new one's secret, shown once. */
export function WebhooksManager({ initial }: { initial: WebhookOut[] }) {
  const queryClient = useQueryClient();
  const { data: webhooks = initial } = useQuery({ queryKey: webhooksKey, queryFn: fetchWebhooks, initialData: initial });
  const [created, setCreated] = useState<CreatedWebhookOut | null>(null);

  return (
    <div className="space-y-6">
      {created ? (
        <section
          className="rounded-xl border border-amber-200 bg-amber-50 p-5"
          aria-labelledby="secret-heading"
          data-testid="webhook-secret"
        >
          <h2 id="secret-heading" className="text-base font-semibold">
            Signing secret of {created.url}
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            Copy it now: it is not shown again. Your receiver checks each delivery&apos;s <code>webhook-signature</code> with it (Standard
            Webhooks).
          </p>
          <p className="mt-3 font-mono text-sm break-all" data-testid="webhook-secret-value">
            {created.secret}
          </p>
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <CopyButton text={created.secret} label="Copy secret" />
            <button type="button" className="text-sm text-brand-700 underline underline-offset-2" onClick={() => setCreated(null)}>
              Done, hide it
            </button>
          </div>
        </section>
      ) : null}
      <section className="rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="webhooks-heading">
        <h2 id="webhooks-heading" className="text-base font-semibold">
          Webhooks
        </h2>
        {webhooks.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No webhooks yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="webhooks">
            {webhooks.map((webhook) => (
              <WebhookItem key={webhook.id} webhook={webhook} />
            ))}
          </ul>
        )}
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-5">
        <WebhookForm
          onCreated={(webhook) => {
            setCreated(webhook);
            void queryClient.invalidateQueries({ queryKey: webhooksKey });
          }}
        />
      </section>
    </div>
  );
}
