"use client";

import type { NotificationOut } from "@/lib/notifications";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { categoryLabel, timeAgo, TypeIcon, typeStyle } from "./notification-style";

export type FormAction = (form: FormData) => Promise<void>;

export type NotificationItemActions = { open: FormAction; markRead: FormAction; markUnread: FormAction; remove: FormAction };

type NotificationItemProps = {
  notification: NotificationOut;
  now: number;
  actions: NotificationItemActions;
  selected: boolean;
  /** `range`: the shift key was held (select everything since the last one chosen). */
  onSelect: (selected: boolean, range: boolean) => void;
};

const actionButton = "rounded-md px-2.5 py-1.5 text-sm font-medium";

/**
 * One notification of the center: a checkbox to select it (its whole left edge is the touch target), its link,
 * "Mark read" / "Mark unread" and "Delete" (server actions: they work without JavaScript).
 */
export function NotificationItem({ notification, now, actions, selected, onSelect }: NotificationItemProps) {
  const unread = !notification.is_read;
  const checkboxId = `select-${notification.id}`;
  return (
    <li
      className={`flex gap-2 rounded-xl border border-l-4 border-slate-200 bg-white p-2 sm:gap-3 sm:p-3 ${unread ? typeStyle[notification.type].ring : "border-l-slate-200"} ${selected ? "bg-brand-50 ring-2 ring-brand-500" : ""}`}
      data-testid="notification-item"
      data-selected={selected}
    >
      <label htmlFor={checkboxId} className="flex min-h-11 min-w-11 cursor-pointer items-start justify-center pt-2">
        <input
          id={checkboxId}
          type="checkbox"
          checked={selected}
          onChange={(event) => onSelect(event.currentTarget.checked, (event.nativeEvent as MouseEvent).shiftKey === true)}
          className="h-5 w-5 rounded border-slate-400 text-brand-600"
        />
        <span className="sr-only">Select: {notification.title}</span>
      </label>
      <TypeIcon type={notification.type} className="mt-1.5 hidden sm:inline-flex" />
      <div className="min-w-0 flex-1 py-1.5">
        <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
          <h3 className={`text-sm break-words ${unread ? "font-semibold text-slate-900" : "font-medium text-slate-700"}`}>
            {unread ? <span aria-hidden="true" className="mr-1.5 inline-block h-2 w-2 rounded-full bg-brand-600 align-middle" /> : null}
            {notification.title}
            {unread ? <span className="sr-only"> (unread)</span> : null}
          </h3>
          <p className="text-xs text-slate-600">
            <span>{categoryLabel[notification.category]}</span> ·{" "}
            <time dateTime={notification.created_at}>{timeAgo(notification.created_at, now)}</time>
          </p>
        </div>
        <p className="mt-1 text-sm break-words whitespace-pre-line text-slate-600">{notification.message}</p>
        <div className="mt-3 flex flex-wrap items-center gap-2">
          {notification.action_url ? (
            <form action={actions.open}>
              <input type="hidden" name="id" value={notification.id} />
              <button type="submit" className={`${actionButton} bg-brand-50 text-brand-700 hover:bg-brand-100`}>
                {notification.action_label ?? "Open"}
              </button>
            </form>
          ) : null}
          <form action={unread ? actions.markRead : actions.markUnread}>
            <input type="hidden" name="id" value={notification.id} />
            <button
              type="submit"
              className={`${actionButton} text-slate-700 hover:bg-slate-100`}
              aria-label={`${unread ? "Mark read" : "Mark unread"}: ${notification.title}`}
            >
              {unread ? "Mark read" : "Mark unread"}
            </button>
          </form>
          <form action={actions.remove} className="ml-auto">
            <input type="hidden" name="id" value={notification.id} />
            <ConfirmSubmit
              className={`${actionButton} text-red-700 hover:bg-red-50`}
              aria-label={`Delete: ${notification.title}`}
              title="Delete this notification?"
              message={
                <>
                  <strong className="font-medium text-slate-900">{notification.title}</strong> will be removed from your notifications.
                </>
              }
              confirmLabel="Delete"
            >
              Delete
            </ConfirmSubmit>
          </form>
        </div>
      </div>
    </li>
  );
}
