"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Badge } from "@/components/ui/list-ui";
import { DISABLE_AFTER_FAILURES, type WebhookOut } from "@/lib/webhooks/browser";
import { deleteWebhook, sendTestEvent, updateWebhook } from "./api";
import { DeliveryLog, deliveriesKey } from "./delivery-log";

export const webhooksKey = ["webhooks"] as const;

/** One webhook: its state, on/off, "send test event", its delivery log and removal. */
export function WebhookItem({ webhook }: { webhook: WebhookOut }) {
  const queryClient = useQueryClient();
  const [showLog, setShowLog] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const logId = `webhook-log-${webhook.id}`;

  async function act(work: () => Promise<string>) {
    setPending(true);
    setMessage(null);
    try {
      setMessage({ text: await work() });
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
    } finally {
      setPending(false);
      await queryClient.invalidateQueries({ queryKey: webhooksKey });
    }
  }

  const toggle = () =>
    act(async () => {
      await updateWebhook(webhook.id, { url: webhook.url, events: webhook.events, enabled: !webhook.enabled });
      return webhook.enabled ? "Turned off: nothing is sent until you turn it on." : "Turned on.";
    });

  const test = () =>
    act(async () => {
      await sendTestEvent(webhook.id);
      setShowLog(true);
      await queryClient.invalidateQueries({ queryKey: deliveriesKey(webhook.id) });
      return "Test event sent: its delivery shows in the log below.";
    });

  return (
    <li className="space-y-3 py-4" data-testid="webhook" aria-label={webhook.url}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium break-all">{webhook.url}</span>
        {webhook.enabled ? (
          <Badge tone="green">On</Badge>
        ) : webhook.auto_disabled_at ? (
          <Badge tone="red">Off after {DISABLE_AFTER_FAILURES} failures in a row</Badge>
        ) : (
          <Badge tone="slate">Off</Badge>
        )}
      </div>
      <p className="text-sm text-slate-600">
        {webhook.events.map((name) => (
          <code key={name} className="mr-2 inline-block">
            {name}
          </code>
        ))}
      </p>
      {webhook.consecutive_failures > 0 && webhook.enabled ? (
        <p className="text-sm text-amber-800">
          {webhook.consecutive_failures} failed {webhook.consecutive_failures === 1 ? "try" : "tries"} in a row (turned off at{" "}
          {DISABLE_AFTER_FAILURES}).
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={test} disabled={pending || !webhook.enabled}>
          Send test event
        </Button>
        <Button variant="secondary" onClick={toggle} disabled={pending}>
          {webhook.enabled ? "Turn off" : "Turn on"}
        </Button>
        <Button variant="secondary" aria-expanded={showLog} aria-controls={logId} onClick={() => setShowLog(!showLog)}>
          {showLog ? "Hide delivery log" : "Delivery log"}
        </Button>
        <Button variant="ghost" className="text-red-700" onClick={() => setConfirming(true)} disabled={pending}>
          Delete
        </Button>
      </div>
      <p role="status" className={`text-sm ${message?.error ? "text-red-700" : "text-slate-700"}`}>
        {message?.text ?? ""}
      </p>
      {showLog ? (
        <div id={logId} className="rounded-md border border-slate-200 p-3">
          <DeliveryLog webhookId={webhook.id} />
        </div>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title="Delete this webhook?"
        message={`Nothing more is sent to ${webhook.url}, and its delivery log goes too.`}
        confirmLabel="Delete"
        variant="danger"
        pending={pending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          act(async () => {
            await deleteWebhook(webhook.id);
            setConfirming(false);
            return "";
          })
        }
      />
    </li>
  );
}
