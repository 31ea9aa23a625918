"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ProblemError } from "@/components/ui/problem";
import { ACTIVITY_TYPES, type ActivityOut } from "@/lib/activities/browser";
import { createActivity } from "./activity-api";
import { ACTIVITY_LABEL, localInputToIso, tomorrowMorningInput } from "./activity-meta";

type ActivityFormProps = {
  opportunityId?: string;
  clientId?: string;
  submitLabel?: string;
  onSaved: (activity: ActivityOut) => void;
  onCancel?: () => void;
};

/** Type, subject and due time of a new activity on a deal or a client; the server's refusal shows in the form. */
export function ActivityForm({ opportunityId, clientId, submitLabel = "Add activity", onSaved, onCancel }: ActivityFormProps) {
  const id = useId();
  const [type, setType] = useState("CALL");
  const [subject, setSubject] = useState("");
  const [due, setDue] = useState(tomorrowMorningInput);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const saved = await createActivity({
        type,
        subject: subject.trim() || `${ACTIVITY_LABEL[type]} follow-up`,
        due_at: type === "NOTE" ? null : localInputToIso(due),
        opportunity_id: opportunityId,
        client_id: clientId,
      });
      setSubject("");
      onSaved(saved);
    } catch (caught) {
      setError(caught instanceof ProblemError ? caught.detail : "The server could not be reached. Try again.");
    } finally {
      setSaving(false);
    }
  }

  const field = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm";
  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-[8rem_1fr]">
      <label htmlFor={`${id}-type`} className="text-sm font-medium text-slate-700">
        Type
        <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value)} className={field}>
          {ACTIVITY_TYPES.map((value) => (
            <option key={value} value={value}>
              {ACTIVITY_LABEL[value]}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${id}-subject`} className="text-sm font-medium text-slate-700">
        Subject
        <input
          id={`${id}-subject`}
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          maxLength={200}
          placeholder={`${ACTIVITY_LABEL[type]} follow-up`}
          className={field}
        />
      </label>
      {type === "NOTE" ? null : (
        <label htmlFor={`${id}-due`} className="text-sm font-medium text-slate-700 sm:col-span-2">
          Due
          <input id={`${id}-due`} type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} className={field} />
        </label>
      )}
      {error ? (
        <p role="alert" className="text-sm text-red-700 sm:col-span-2">
          {error}
        </p>
      ) : null}
      <div className="flex justify-end gap-2 sm:col-span-2">
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" disabled={saving}>
          {saving ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}
