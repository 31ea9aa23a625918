"use client";

import { useId, useState, type FormEvent } from "react";
import { addDays, toIsoDate } from "@/lib/clock";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import type { OpportunityOut } from "@/lib/opportunities/browser";
import { Button } from "@/components/ui/button";
import { ProblemError } from "@/components/ui/problem";
import { STAGE_LABEL } from "@/components/opportunities/stage-meta";
import { createDeal } from "./board-api";

/** How far out a quick-added deal's expected close is set (edit the deal for another date). */
const CLOSE_IN_DAYS = 30;

type QuickAddProps = {
  stage: OpportunityStage;
  clients: readonly { id: string; name: string }[];
  todayIso: string;
  onCreated: (deal: OpportunityOut) => void;
};

const inputClass = "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 placeholder:text-slate-500";

/** The top of an open column: name, client and value create a deal in that stage, assigned to you. */
export function QuickAdd({ stage, clients, todayIso, onCreated }: QuickAddProps) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const label = STAGE_LABEL[stage];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setPending(true);
    setError(null);
    try {
      const deal = await createDeal({
        name: String(data.get("name") ?? ""),
        clientId: String(data.get("client") ?? ""),
        value: String(data.get("value") ?? "").trim(),
        stage,
        closeDate: toIsoDate(addDays(new Date(`${todayIso}T00:00:00.000Z`), CLOSE_IN_DAYS)),
      });
      form.reset();
      onCreated(deal);
      form.querySelector<HTMLInputElement>("input[name=name]")?.focus();
    } catch (caught) {
      setError(
        caught instanceof ProblemError
          ? [caught.detail, ...caught.errors.map((e) => `${e.field.replace("estimated_value", "value")} ${e.message}`)].join(" ")
          : "Could not add the deal. Check your connection and try again.",
      );
    } finally {
      setPending(false);
    }
  }

  if (!open) {
    return (
      <div className="px-2 pb-1.5">
        <button
          type="button"
          onClick={() => setOpen(true)}
          className="flex w-full items-center justify-center gap-1 rounded-md border border-dashed border-slate-300 px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-white"
        >
          <span aria-hidden="true">+</span> Add a deal<span className="sr-only"> to {label}</span>
        </button>
      </div>
    );
  }
  return (
    <form
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === "Escape") setOpen(false);
      }}
      aria-label={`New deal in ${label}`}
      className="mx-2 mb-2 space-y-1.5 rounded-lg border border-slate-200 bg-white p-2 shadow-sm"
    >
      <label className="sr-only" htmlFor={`${id}-name`}>
        Deal name
      </label>
      <input id={`${id}-name`} name="name" required maxLength={200} placeholder="Deal name" autoFocus className={inputClass} />
      <label className="sr-only" htmlFor={`${id}-client`}>
        Client
      </label>
      <select id={`${id}-client`} name="client" required defaultValue="" className={inputClass}>
        <option value="" disabled>
          Client…
        </option>
        {clients.map((client) => (
          <option key={client.id} value={client.id}>
            {client.name}
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor={`${id}-value`}>
        Value
      </label>
      <input id={`${id}-value`} name="value" required inputMode="decimal" placeholder="Value, e.g. 12000" className={inputClass} />
      <p className="text-[11px] text-slate-600">In your company&apos;s currency, closing in {CLOSE_IN_DAYS} days.</p>
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" className="flex-1 px-2 py-1" disabled={pending}>
          {pending ? "Adding…" : "Add"}
        </Button>
        <Button variant="secondary" className="px-2 py-1" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
