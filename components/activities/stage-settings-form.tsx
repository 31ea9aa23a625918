"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { readProblem, ProblemError } from "@/components/ui/problem";
import { STAGE_LABEL } from "@/components/opportunities/stage-meta";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import type { StageSettingsOut } from "@/lib/opportunities/browser";

const CATEGORIES = ["PIPELINE", "BEST_CASE", "COMMIT", "OMITTED"] as const;
const CATEGORY_LABEL: Record<string, string> = { PIPELINE: "Pipeline", BEST_CASE: "Best case", COMMIT: "Commit", OMITTED: "Omitted" };

type Row = {
  stage: string;
  probability: string;
  category: string;
  staleMode: "off" | "days" | "auto";
  days: string;
  effective: number | null;
};

const toRows = (settings: StageSettingsOut): Row[] =>
  settings.stages.map((s) => ({
    stage: s.stage,
    probability: s.default_probability,
    category: s.forecast_category,
    staleMode: s.stale_after_days === null ? "off" : s.stale_after_days === "auto" ? "auto" : "days",
    days: typeof s.stale_after_days === "number" ? String(s.stale_after_days) : "14",
    effective: s.effective_stale_after_days,
  }));

/** One row per open stage; admins save all rows at once (PUT /api/v1/pipeline/stages), others only read. */
export function StageSettingsForm({ initial, editable }: { initial: StageSettingsOut; editable: boolean }) {
  const [rows, setRows] = useState(() => toRows(initial));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const change = (index: number, patch: Partial<Row>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setMessage(null);
    try {
      const response = await fetch("/api/v1/pipeline/stages", {
        method: "PUT",
        credentials: "same-origin",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({
          stages: rows.map((row) => ({
            stage: row.stage,
            default_probability: row.probability,
            forecast_category: row.category,
            stale_after_days: row.staleMode === "off" ? null : row.staleMode === "auto" ? "auto" : Number(row.days),
          })),
        }),
      });
      if (!response.ok) throw await readProblem(response);
      setRows(toRows((await response.json()) as StageSettingsOut));
      setMessage({ ok: true, text: "Saved." });
    } catch (caught) {
      setMessage({ ok: false, text: caught instanceof ProblemError ? caught.detail : "The server could not be reached. Try again." });
    } finally {
      setSaving(false);
    }
  }

  const input = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm disabled:bg-slate-50";
  return (
    <form onSubmit={save} className="space-y-4">
      {rows.map((row, index) => {
        const label = STAGE_LABEL[row.stage as OpportunityStage];
        return (
          <fieldset
            key={row.stage}
            disabled={!editable}
            className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4"
          >
            <legend className="px-1 text-sm font-semibold text-slate-900">{label}</legend>
            <label className="text-sm text-slate-700">
              Default probability (%)
              <input
                className={input}
                inputMode="decimal"
                value={row.probability}
                onChange={(e) => change(index, { probability: e.target.value })}
              />
            </label>
            <label className="text-sm text-slate-700">
              Forecast category
              <select className={input} value={row.category} onChange={(e) => change(index, { category: e.target.value })}>
                {CATEGORIES.map((category) => (
                  <option key={category} value={category}>
                    {CATEGORY_LABEL[category]}
                  </option>
                ))}
              </select>
            </label>
            <label className="text-sm text-slate-700">
              Stale after
              <select
                className={input}
                value={row.staleMode}
                onChange={(e) => change(index, { staleMode: e.target.value as Row["staleMode"] })}
              >
                <option value="off">Off</option>
                <option value="days">A number of days</option>
                <option value="auto">Auto</option>
              </select>
            </label>
            {row.staleMode === "days" ? (
              <label className="text-sm text-slate-700">
                Days in {label}
                <input
                  className={input}
                  type="number"
                  min={1}
                  max={3650}
                  value={row.days}
                  onChange={(e) => change(index, { days: e.target.value })}
                />
              </label>
            ) : (
              <p className="self-end text-sm text-slate-600">
                {row.staleMode === "auto"
                  ? row.effective === null
                    ? "Auto: off until 10 won deals"
                    : `Auto: ${row.effective} days`
                  : "Never stale"}
              </p>
            )}
          </fieldset>
        );
      })}
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-emerald-700" : "text-red-700"}`}>
          {message.text}
        </p>
      ) : null}
      {editable ? (
        <Button type="submit" disabled={saving}>
          {saving ? "Saving…" : "Save stages"}
        </Button>
      ) : (
        <p className="text-sm text-slate-600">Only admins change these settings.</p>
      )}
    </form>
  );
}
