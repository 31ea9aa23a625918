"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { StageChangeTitle } from "@/components/opportunities/stage-change";
import type { ChangeEntry } from "@/components/opportunities/change-entries";
import { formatInstant } from "@/lib/clock";
import type { ActivityOut } from "@/lib/activities/browser";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { completeActivity } from "./activity-api";
import { ActivityForm } from "./activity-form";
import { ACTIVITY_LABEL } from "./activity-meta";

export type StageEntry = {
  id: string;
  from_stage: OpportunityStage | null;
  to_stage: OpportunityStage;
  changed_at: string;
  by: string;
  loss_reason: string | null;
  /** Why a closed deal was reopened. */
  reason?: string | null;
};

type Entry =
  | { kind: "activity"; at: string; activity: ActivityOut }
  | { kind: "stage"; at: string; stage: StageEntry }
  | { kind: "change"; at: string; change: ChangeEntry };

/** When an activity sits on the timeline: when it was done, else when it is due, else when it was written. */
const activityTime = (a: ActivityOut) => a.done_at ?? a.due_at ?? a.created_at;

/** The deal's activities, notes, stage changes and other changes (value, close date, owner…), newest first, with a quick add on top; open ones can be completed here. */
export function DealTimeline({
  opportunityId,
  activities,
  stages,
  changes = [],
}: {
  opportunityId: string;
  activities: ActivityOut[];
  stages: StageEntry[];
  changes?: ChangeEntry[];
}) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const entries: Entry[] = [
    ...activities.map((activity) => ({ kind: "activity" as const, at: activityTime(activity), activity })),
    ...stages.map((stage) => ({ kind: "stage" as const, at: stage.changed_at, stage })),
    ...changes.map((change) => ({ kind: "change" as const, at: change.changed_at, change })),
  ].sort((a, b) => b.at.localeCompare(a.at));

  async function complete(id: string) {
    setBusy(id);
    try {
      await completeActivity(id);
      router.refresh();
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="mt-4 space-y-4">
      <ActivityForm opportunityId={opportunityId} onSaved={() => router.refresh()} />
      <ol className="space-y-3" aria-label="Timeline, newest first">
        {entries.map((entry) =>
          entry.kind === "change" ? (
            <li key={`c-${entry.change.id}`} className="text-sm text-slate-700">
              <span className="font-medium">{entry.change.title}</span>
              <span className="text-xs text-slate-600">
                {" "}
                · {entry.change.by} · <LocalTime iso={entry.at} fallback={formatInstant(entry.at)} />
              </span>
            </li>
          ) : entry.kind === "stage" ? (
            <li key={`s-${entry.stage.id}`} className="text-sm text-slate-700">
              <span className="font-medium">
                <StageChangeTitle from={entry.stage.from_stage} to={entry.stage.to_stage} />
              </span>
              <span className="text-xs text-slate-600">
                {" "}
                · {entry.stage.by} · <LocalTime iso={entry.at} fallback={formatInstant(entry.at)} />
              </span>
              {entry.stage.loss_reason || entry.stage.reason ? (
                <p className="mt-0.5 text-xs text-slate-700">Reason: {entry.stage.loss_reason || entry.stage.reason}</p>
              ) : null}
            </li>
          ) : (
            <li key={`a-${entry.activity.id}`} className="flex flex-wrap items-start justify-between gap-2 text-sm">
              <div className="min-w-0">
                <p className={`font-medium ${entry.activity.is_overdue ? "text-red-700" : "text-slate-900"}`}>
                  {ACTIVITY_LABEL[entry.activity.type]} · {entry.activity.subject}
                </p>
                <p className="text-xs text-slate-600">
                  {entry.activity.done_at ? "Done" : entry.activity.is_overdue ? "Overdue, due" : "Due"}{" "}
                  <LocalTime iso={entry.at} fallback={formatInstant(entry.at)} /> · {entry.activity.assigned_user.name}
                </p>
                {entry.activity.note ? <p className="mt-1 whitespace-pre-line text-slate-700">{entry.activity.note}</p> : null}
              </div>
              {entry.activity.done_at ? null : (
                <Button variant="secondary" disabled={busy === entry.activity.id} onClick={() => complete(entry.activity.id)}>
                  Done
                </Button>
              )}
            </li>
          ),
        )}
      </ol>
    </div>
  );
}
