"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { NotificationOut } from "@/lib/notifications";
import { APP_LOCALE } from "@/lib/locale";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { bulkUpdate, type BulkAction } from "./api";
import { groupByDay } from "./day-groups";
import { NotificationItem, type NotificationItemActions } from "./notification-item";

const noChange = () => () => undefined;

/** The reader's time zone and language; the server, which knows neither, renders UTC in the app's locale. */
function useReaderZone(): { timeZone: string; locale: string } {
  const value = useSyncExternalStore(
    noChange,
    () => `${Intl.DateTimeFormat().resolvedOptions().timeZone}|${navigator.language || APP_LOCALE}`,
    () => `UTC|${APP_LOCALE}`,
  );
  const [timeZone, locale] = value.split("|") as [string, string];
  return { timeZone, locale };
}

const DONE: Record<BulkAction, string> = { read: "marked read", unread: "marked unread", delete: "deleted" };
const plural = (n: number) => `${n} notification${n === 1 ? "" : "s"}`;

type NotificationCenterProps = { items: NotificationOut[]; now: number; actions: NotificationItemActions };

/**
 * The notification list grouped by the reader's day, with a checkbox per notification (shift-click selects a range)
 * and a toolbar that marks the selected ones read or unread, or deletes them, in one request.
 */
export function NotificationCenter({ items, now, actions }: NotificationCenterProps) {
  const router = useRouter();
  const { timeZone, locale } = useReaderZone();
  const groups = useMemo(() => groupByDay(items, new Date(now), timeZone, locale), [items, now, timeZone, locale]);
  const ordered = useMemo(() => groups.flatMap((group) => group.items.map((item) => item.id)), [groups]);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const selected = useMemo(() => new Set(ordered.filter((id) => chosen.has(id))), [ordered, chosen]);
  const anchor = useRef<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [done, setDone] = useState("");

  const bulk = useMutation({
    mutationFn: ({ action }: { action: BulkAction }) => bulkUpdate([...selected], action),
    onSuccess: (result, { action }) => {
      setDone(`${plural(selected.size)} ${DONE[action]}.`);
      setChosen(new Set());
      setConfirmDelete(false);
      router.refresh();
    },
  });

  const select = (id: string, on: boolean, range: boolean) => {
    setDone("");
    setChosen((previous) => {
      const next = new Set(previous);
      const from = range && anchor.current ? ordered.indexOf(anchor.current) : -1;
      const to = ordered.indexOf(id);
      const ids = from >= 0 ? ordered.slice(Math.min(from, to), Math.max(from, to) + 1) : [id];
      for (const each of ids) {
        if (on) next.add(each);
        else next.delete(each);
      }
      return next;
    });
    anchor.current = id;
  };

  const all = ordered.length > 0 && selected.size === ordered.length;
  const selectAll = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = selected.size > 0 && !all;
  }, [selected.size, all]);
  const none = selected.size === 0 || bulk.isPending;

  return (
    <div className="space-y-4">
      <div
        role="toolbar"
        aria-label="Selected notifications"
        className="flex flex-wrap items-center gap-2 rounded-xl border border-slate-200 bg-white p-2 shadow-sm sm:p-3"
      >
        <label className="flex min-h-11 cursor-pointer items-center gap-2 px-2 text-sm font-medium text-slate-700">
          <input
            ref={selectAll}
            type="checkbox"
            checked={all}
            onChange={(event) => {
              setDone("");
              setChosen(event.currentTarget.checked ? new Set(ordered) : new Set());
            }}
            className="h-5 w-5 rounded border-slate-400 text-brand-600"
          />
          Select all on this page
        </label>
        <span className="text-sm text-slate-600" aria-live="polite" data-testid="selection-count">
          {selected.size > 0 ? `${selected.size} selected` : done}
        </span>
        <div className="flex w-full flex-wrap gap-2 sm:ml-auto sm:w-auto">
          <Button variant="secondary" disabled={none} onClick={() => bulk.mutate({ action: "read" })}>
            Mark selected read
          </Button>
          <Button variant="secondary" disabled={none} onClick={() => bulk.mutate({ action: "unread" })}>
            Mark selected unread
          </Button>
          <Button variant="danger" disabled={none} onClick={() => setConfirmDelete(true)}>
            Delete selected
          </Button>
        </div>
        {bulk.isError && !confirmDelete ? (
          <p role="alert" className="w-full text-sm text-red-600">
            That did not work. Try again.
          </p>
        ) : null}
      </div>

      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`day-${group.key}`}>
          <h2 id={`day-${group.key}`} className="mb-2 text-sm font-semibold text-slate-700">
            {group.label}
          </h2>
          <ul className="space-y-3" aria-label={`Notifications of ${group.label}`}>
            {group.items.map((notification) => (
              <NotificationItem
                key={notification.id}
                notification={notification}
                now={now}
                actions={actions}
                selected={selected.has(notification.id)}
                onSelect={(on, range) => select(notification.id, on, range)}
              />
            ))}
          </ul>
        </section>
      ))}

      <ConfirmDialog
        open={confirmDelete}
        title={`Delete ${plural(selected.size)}?`}
        message="They will be removed from your notifications."
        confirmLabel="Delete"
        variant="danger"
        pending={bulk.isPending}
        error={bulk.isError ? "That did not work. Try again." : undefined}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() => bulk.mutate({ action: "delete" })}
      />
    </div>
  );
}
