"use client";

import { useQuery } from "@tanstack/react-query";
import { Badge, type BadgeTone } from "@/components/ui/list-ui";
import type { WebhookDeliveryOut } from "@/lib/webhooks/browser";
import { fetchDeliveries } from "./api";

const TONE: Record<WebhookDeliveryOut["status"], BadgeTone> = { pending: "amber", succeeded: "green", failed: "red" };
const LABEL: Record<WebhookDeliveryOut["status"], string> = { pending: "Pending", succeeded: "Delivered", failed: "Failed" };

export const deliveriesKey = (id: string) => ["webhook-deliveries", id] as const;

const time = (iso: string) => new Date(iso).toLocaleString();

/** A webhook's latest deliveries with every try; while one is pending it refreshes itself every second. */
export function DeliveryLog({ webhookId }: { webhookId: string }) {
  const { data, error, isPending } = useQuery({
    queryKey: deliveriesKey(webhookId),
    queryFn: () => fetchDeliveries(webhookId),
    refetchInterval: (query) => (query.state.data?.items.some((d) => d.status === "pending") ? 1_000 : false),
  });
  if (isPending) return <p className="text-sm text-slate-600">Loading the delivery log…</p>;
  if (error) return <p className="text-sm text-red-700">Could not load the delivery log: {error.message}</p>;
  if (data.items.length === 0) return <p className="text-sm text-slate-600">Nothing sent yet.</p>;
  return (
    <ol className="divide-y divide-slate-100 text-sm" aria-label="Deliveries, newest first" data-testid="delivery-log">
      {data.items.map((delivery) => (
        <li key={delivery.id} className="py-2" data-testid="delivery">
          <div className="flex flex-wrap items-center gap-2">
            <code className="font-medium">{delivery.event_type}</code>
            <Badge tone={TONE[delivery.status]}>{LABEL[delivery.status]}</Badge>
            <span className="text-slate-600">{time(delivery.created_at)}</span>
            {delivery.next_attempt_at ? <span className="text-slate-600">next try {time(delivery.next_attempt_at)}</span> : null}
          </div>
          <ul className="mt-1 space-y-0.5 pl-4 text-slate-700">
            {delivery.tries.map((attempt, index) => (
              <li key={attempt.attempted_at + index} data-testid="delivery-try">
                Try {index + 1}: {attempt.status_code ?? "no answer"} in {attempt.response_time_ms} ms
                {attempt.error ? <span className="text-red-700"> — {attempt.error}</span> : null}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
