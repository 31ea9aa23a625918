"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ProblemError } from "@/components/ui/problem";
import { formatInstant } from "@/lib/clock";
import type { ActivityOut } from "@/lib/activities/browser";
import { completeActivity, rescheduleActivity } from "./activity-api";
import { ACTIVITY_LABEL, localInputToIso, tomorrowMorningInput } from "./activity-meta";

type Props = { title: string; activities: ActivityOut[]; empty: string };

/** A list of the user's activities, each completed or rescheduled in place (the page then reloads its data). */
export function TodayActivities({ title, activities, empty }: Props) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={headingId} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      {activities.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100">
          {activities.map((activity) => (
            <TodayActivity key={activity.id} activity={activity} />
          ))}
        </ul>
      )}
    </section>
  );
}

function TodayActivity({ activity }: { activity: ActivityOut }) {
  const router = useRouter();
  const inputId = useId();
  const [rescheduling, setRescheduling] = useState(false);
  const [due, setDue] = useState(tomorrowMorningInput);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ProblemError ? caught.detail : "The server could not be reached. Try again.");
      setBusy(false);
    }
  }

  const about = activity.opportunity ?? activity.client;
  return (
    <li className="py-3 text-sm" aria-label={activity.subject}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium text-slate-900">
            {ACTIVITY_LABEL[activity.type]} · {activity.subject}
          </p>
          <p className={activity.is_overdue ? "text-red-700" : "text-slate-600"}>
            {activity.due_at ? <time dateTime={activity.due_at}>{formatInstant(activity.due_at)}</time> : "No due time"}
            {about ? (
              <>
                {" · "}
                {activity.opportunity ? (
                  <Link href={`/opportunities/${activity.opportunity.id}`} className="hover:underline">
                    {about.name}
                  </Link>
                ) : (
                  about.name
                )}
              </>
            ) : null}
          </p>
        </div>
        <div className="flex shrink-0 gap-2">
          <Button variant="secondary" disabled={busy} onClick={() => setRescheduling((open) => !open)} aria-expanded={rescheduling}>
            Reschedule
          </Button>
          <Button disabled={busy} onClick={() => run(() => completeActivity(activity.id))}>
            Done
          </Button>
        </div>
      </div>
      {rescheduling ? (
        <form
          className="mt-2 flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const at = localInputToIso(due);
            if (at) void run(() => rescheduleActivity(activity.id, at));
          }}
        >
          <label htmlFor={inputId} className="text-sm text-slate-700">
            New due time
            <input
              id={inputId}
              type="datetime-local"
              required
              value={due}
              onChange={(e) => setDue(e.target.value)}
              className="mt-1 block rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
          </label>
          <Button type="submit" disabled={busy}>
            Save
          </Button>
        </form>
      ) : null}
      {error ? (
        <p role="alert" className="mt-1 text-red-700">
          {error}
        </p>
      ) : null}
    </li>
  );
}
