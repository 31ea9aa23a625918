"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { FORECAST_CATEGORIES, isClosedStage, OPEN_STAGES, type ForecastCategory, type OpportunityOut } from "@/lib/opportunities/browser";
import { FORECAST_LABEL } from "./forecast-category";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ProblemError } from "@/components/ui/problem";
import { postBulk, type BulkAction } from "./bulk-api";
import { STAGE_LABEL } from "./stage-meta";

/** What the bar needs of a selected deal; without `forecast_category_is_custom` a forecast change offers no Undo. */
export type BulkDeal = Pick<OpportunityOut, "id" | "stage" | "assigned_to" | "forecast_category"> & {
  forecast_category_is_custom?: boolean;
};

type BulkBarProps = {
  selected: BulkDeal[];
  owners: { id: string; name: string }[];
  canDelete: boolean;
  onDone: () => void;
  /** After a change and after its Undo (the board refetches its cards). */
  onChanged?: () => void;
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * What can be done to the selected deals at once: assign, move to an open stage, set the forecast category, delete (admins). Each deal gets
 * the single-deal rules; the toast says how many changed, why the others did not, and offers one Undo for the
 * whole action where every change can be reversed (assignments, moves between open stages, forecast categories).
 */
export function BulkBar({ selected, owners, canDelete, onDone, onChanged }: BulkBarProps) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  // A choice in a select is applied by its button: arrowing through a select's options by keyboard changes it
  // option by option, and each change must not move or reassign the deals.
  const [stage, setStage] = useState<OpportunityStage | "">("");
  const [owner, setOwner] = useState("");
  const [category, setCategory] = useState<ForecastCategory | "STAGE" | "">("");

  async function run(action: BulkAction, undo: BulkAction[] | null) {
    setPending(true);
    try {
      const result = await postBulk(action);
      const refused = result.results.filter((r) => r.status !== 200);
      const done = new Set(result.results.filter((r) => r.status === 200).map((r) => r.id));
      const reversible = undo
        ?.map((step) => ({ ...step, ids: step.ids.filter((id) => done.has(id)) }))
        .filter((step) => step.ids.length > 0);
      const message = `${plural(result.succeeded, "deal")} changed${refused.length ? `, ${refused.length} refused` : ""}`;
      const description = refused.length ? [...new Set(refused.map((r) => r.detail))].join(" ") : undefined;
      (refused.length ? toast.warning : toast.success)(message, {
        description,
        action: reversible && reversible.length > 0 ? { label: "Undo", onClick: () => void undoAll(reversible) } : undefined,
        duration: 8_000,
      });
      onDone();
      onChanged?.();
      router.refresh();
    } catch (error) {
      toast.error("Nothing was changed", {
        description: error instanceof ProblemError ? error.detail : "Check your connection and try again.",
      });
    } finally {
      setPending(false);
    }
  }

  async function undoAll(steps: BulkAction[]) {
    try {
      for (const step of steps) await postBulk(step);
      toast.success("Undone");
    } catch (error) {
      toast.error("Could not undo", { description: error instanceof ProblemError ? error.detail : undefined });
    }
    onChanged?.();
    router.refresh();
  }

  /** The actions that put each deal back: one per previous value. */
  function undoOf(make: (deal: BulkDeal) => BulkAction | null): BulkAction[] | null {
    const steps = new Map<string, BulkAction>();
    for (const deal of selected) {
      const step = make(deal);
      if (!step) return null;
      const key = JSON.stringify({ ...step, ids: [] });
      const existing = steps.get(key);
      steps.set(key, existing ? { ...existing, ids: [...existing.ids, ...step.ids] } : step);
    }
    return [...steps.values()];
  }

  const ids = selected.map((deal) => deal.id);
  return (
    <div
      role="toolbar"
      aria-label="Selected deals"
      className="sticky bottom-3 z-20 flex flex-wrap items-center gap-3 rounded-xl border border-slate-200 bg-white p-3 shadow-lg"
    >
      <span className="text-sm font-medium text-slate-800" aria-live="polite">
        {plural(selected.length, "deal")} selected
      </span>
      <div className="flex items-center gap-2">
        <label className="flex items-center gap-2 text-sm text-slate-700">
          Move to
          <select
            className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            value={stage}
            disabled={pending}
            onChange={(event) => setStage(event.target.value as OpportunityStage | "")}
          >
            <option value="">Stage…</option>
            {OPEN_STAGES.map((open) => (
              <option key={open} value={open}>
                {STAGE_LABEL[open]}
              </option>
            ))}
          </select>
        </label>
        <Button
          variant="secondary"
          disabled={pending || stage === ""}
          onClick={() => {
            if (stage === "") return;
            setStage("");
            void run(
              { action: "move_stage", ids, stage },
              undoOf((deal) => (isClosedStage(deal.stage) ? null : { action: "move_stage", ids: [deal.id], stage: deal.stage })),
            );
          }}
        >
          Move
        </Button>
      </div>
      <div className="flex items-center gap-2">
        <label className="flex items-center gap-2 text-sm text-slate-700">
          Forecast
          <select
            className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            value={category}
            disabled={pending}
            onChange={(event) => setCategory(event.target.value as ForecastCategory | "STAGE" | "")}
          >
            <option value="">Category…</option>
            {FORECAST_CATEGORIES.map((option) => (
              <option key={option} value={option}>
                {FORECAST_LABEL[option]}
              </option>
            ))}
            <option value="STAGE">Follow the stage</option>
          </select>
        </label>
        <Button
          variant="secondary"
          disabled={pending || category === ""}
          onClick={() => {
            if (category === "") return;
            setCategory("");
            void run(
              { action: "set_forecast_category", ids, forecast_category: category === "STAGE" ? null : category },
              undoOf((deal) =>
                isClosedStage(deal.stage) || deal.forecast_category_is_custom === undefined
                  ? null
                  : {
                      action: "set_forecast_category",
                      ids: [deal.id],
                      forecast_category: deal.forecast_category_is_custom ? deal.forecast_category : null,
                    },
              ),
            );
          }}
        >
          Set
        </Button>
      </div>
      {owners.length > 0 ? (
        <div className="flex items-center gap-2">
          <label className="flex items-center gap-2 text-sm text-slate-700">
            Assign to
            <select
              className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
              value={owner}
              disabled={pending}
              onChange={(event) => setOwner(event.target.value)}
            >
              <option value="">Owner…</option>
              {owners.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </select>
          </label>
          <Button
            variant="secondary"
            disabled={pending || owner === ""}
            onClick={() => {
              if (owner === "") return;
              setOwner("");
              void run(
                { action: "assign", ids, assigned_to: owner },
                undoOf((deal) => ({ action: "assign", ids: [deal.id], assigned_to: deal.assigned_to })),
              );
            }}
          >
            Assign
          </Button>
        </div>
      ) : null}
      {canDelete ? (
        <Button variant="danger" disabled={pending} onClick={() => setConfirmDelete(true)}>
          Delete
        </Button>
      ) : null}
      <Button variant="secondary" disabled={pending} onClick={onDone}>
        Clear selection
      </Button>
      <ConfirmDialog
        open={confirmDelete}
        title={`Delete ${plural(selected.length, "deal")}?`}
        message="Deleted deals leave the pipeline, the totals and every report. This cannot be undone here."
        confirmLabel="Delete"
        variant="danger"
        pending={pending}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() => {
          setConfirmDelete(false);
          void run({ action: "delete", ids }, null);
        }}
      />
    </div>
  );
}
