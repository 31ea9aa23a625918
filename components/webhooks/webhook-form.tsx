"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { ProblemError } from "@/components/ui/problem";
import { WEBHOOK_EVENTS, type CreatedWebhookOut } from "@/lib/webhooks/browser";
import { createWebhook } from "./api";

/** Adds a webhook: its URL and the events it hears (checkboxes); hands the created webhook (with its secret) up. */
export function WebhookForm({ onCreated }: { onCreated: (created: CreatedWebhookOut) => void }) {
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<string[]>([]);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const fieldError = (field: string) => problem?.errors.find((e) => e.field === field || e.field.startsWith(`${field}.`))?.message;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setProblem(null);
    try {
      onCreated(await createWebhook({ url, events }));
      setUrl("");
      setEvents([]);
    } catch (error) {
      setProblem(error instanceof ProblemError ? error : new ProblemError(0, "Error", (error as Error).message));
    } finally {
      setPending(false);
    }
  }

  const eventsError = fieldError("events");
  return (
    <form onSubmit={submit} className="space-y-4" aria-labelledby="new-webhook-heading" noValidate>
      <h2 id="new-webhook-heading" className="text-base font-semibold">
        Add a webhook
      </h2>
      <Field
        label="URL"
        name="url"
        id="webhook-url"
        type="url"
        inputMode="url"
        placeholder="https://hooks.example.com/onquota"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={fieldError("url")}
        hint="http or https; your company's own network is fine, this server and link-local addresses are not."
      />
      <fieldset aria-describedby={eventsError ? "webhook-events-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">Events</legend>
        <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2">
          {WEBHOOK_EVENTS.map((name) => (
            <label key={name} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="h-4 w-4 rounded border-slate-300"
                checked={events.includes(name)}
                onChange={(e) => setEvents(e.target.checked ? [...events, name] : events.filter((n) => n !== name))}
              />
              <code>{name}</code>
            </label>
          ))}
        </div>
        {eventsError ? (
          <p id="webhook-events-error" className="mt-1 text-sm text-red-700">
            Events {eventsError}
          </p>
        ) : null}
      </fieldset>
      {problem && problem.errors.length === 0 ? <FormError message={problem.detail} /> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add webhook"}
      </Button>
    </form>
  );
}
