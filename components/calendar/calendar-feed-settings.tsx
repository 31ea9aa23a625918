"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { CalendarFeedOut } from "@/lib/calendar";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { LocalTime } from "@/components/ui/local-time";
import { fetchCalendarFeed, issueCalendarFeed, revokeCalendarFeed } from "./api";

const FEED_KEY = ["calendar-feed"] as const;

type Pending = "rotate" | "revoke" | null;

/**
 * The Settings section of the user's calendar feed: create it (the URL is shown once, to copy), rotate it (the old
 * URL stops working) or turn it off.
 */
export function CalendarFeedSettings({ initial }: { initial: CalendarFeedOut }) {
  const queryClient = useQueryClient();
  const feed = useQuery({ queryKey: FEED_KEY, queryFn: fetchCalendarFeed, initialData: initial, staleTime: 60_000 });
  const [confirming, setConfirming] = useState<Pending>(null);
  const issue = useMutation({
    mutationFn: issueCalendarFeed,
    onSuccess: (issued) => {
      queryClient.setQueryData(FEED_KEY, issued);
      setConfirming(null);
    },
  });
  const revoke = useMutation({
    mutationFn: revokeCalendarFeed,
    onSuccess: () => {
      issue.reset();
      setConfirming(null);
      return queryClient.invalidateQueries({ queryKey: FEED_KEY });
    },
  });
  const status = feed.data;
  const newUrl = issue.data?.url;
  const failed = issue.isError || revoke.isError ? "That did not work. Try again." : undefined;

  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading" className="text-base font-semibold">
        Calendar feed
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Subscribe from Google Calendar, Outlook or Apple Calendar to see your open activities at their due time and your open deals&apos;
        expected close dates as all-day events. Anyone with the URL can read the feed: keep it to yourself.
      </p>

      {status.active ? (
        <p className="mt-3 text-sm text-slate-700" data-testid="calendar-feed-status">
          Feed on (<code>{status.token_hint}</code>) · created{" "}
          <LocalTime iso={status.created_at!} fallback={status.created_at!.slice(0, 10)} /> ·{" "}
          {status.last_fetched_at ? (
            <>
              last read by a calendar <LocalTime iso={status.last_fetched_at} fallback={status.last_fetched_at.slice(0, 10)} />
            </>
          ) : (
            "not read by a calendar yet"
          )}
        </p>
      ) : (
        <p className="mt-3 text-sm text-slate-700" data-testid="calendar-feed-status">
          You have no calendar feed.
        </p>
      )}

      {newUrl ? (
        <div role="status" className="mt-4 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm">
          <p className="font-medium text-emerald-800">Your feed URL. Copy it now: it will not be shown again.</p>
          <label htmlFor="calendar-feed-url" className="sr-only">
            Calendar feed URL
          </label>
          <input
            id="calendar-feed-url"
            readOnly
            value={newUrl}
            onFocus={(event) => event.currentTarget.select()}
            className="mt-2 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs text-slate-800"
          />
          <div className="mt-2">
            <CopyButton text={newUrl} label="Copy URL" />
          </div>
        </div>
      ) : null}

      <div className="mt-4 flex flex-wrap gap-2">
        {status.active ? (
          <>
            <Button variant="secondary" onClick={() => setConfirming("rotate")}>
              Rotate URL
            </Button>
            <Button variant="secondary" onClick={() => setConfirming("revoke")}>
              Turn off feed
            </Button>
          </>
        ) : (
          <Button onClick={() => issue.mutate()} disabled={issue.isPending}>
            {issue.isPending ? "Creating…" : "Create feed URL"}
          </Button>
        )}
      </div>
      {failed && !confirming ? (
        <p role="alert" className="mt-2 text-sm text-red-600">
          {failed}
        </p>
      ) : null}

      <ConfirmDialog
        open={confirming === "rotate"}
        title="Rotate the feed URL?"
        message="You get a new URL; calendars subscribed to the current one stop receiving updates until you subscribe them again."
        confirmLabel="Rotate URL"
        pending={issue.isPending}
        error={issue.isError ? failed : undefined}
        onCancel={() => setConfirming(null)}
        onConfirm={() => issue.mutate()}
      />
      <ConfirmDialog
        open={confirming === "revoke"}
        title="Turn off the calendar feed?"
        message="The feed URL stops working at once. You can create a new one later."
        confirmLabel="Turn off feed"
        variant="danger"
        pending={revoke.isPending}
        error={revoke.isError ? failed : undefined}
        onCancel={() => setConfirming(null)}
        onConfirm={() => revoke.mutate()}
      />
    </section>
  );
}
