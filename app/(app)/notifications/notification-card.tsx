import type { NotificationOut } from "@/lib/notifications";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { categoryLabel, timeAgo, TypeIcon, typeStyle } from "@/components/notifications/notification-style";
import { deleteNotificationAction, markReadAction, openNotificationAction } from "./actions";

const actionButton = "rounded-md px-2.5 py-1.5 text-sm font-medium";

/** One notification of the center, with its link, "Mark read" and "Delete" (server actions: they work without JavaScript). */
export function NotificationCard({ notification, now }: { notification: NotificationOut; now: number }) {
  const unread = !notification.is_read;
  return (
    <li
      className={`flex gap-3 rounded-xl border border-l-4 border-slate-200 bg-white p-4 ${unread ? typeStyle[notification.type].ring : "border-l-slate-200"}`}
      data-testid="notification-item"
    >
      <TypeIcon type={notification.type} />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
          <h2 className={`text-sm break-words ${unread ? "font-semibold text-slate-900" : "font-medium text-slate-700"}`}>
            {unread ? <span aria-hidden="true" className="mr-1.5 inline-block h-2 w-2 rounded-full bg-brand-600 align-middle" /> : null}
            {notification.title}
            {unread ? <span className="sr-only"> (unread)</span> : null}
          </h2>
          <p className="text-xs text-slate-600">
            <span>{categoryLabel[notification.category]}</span> ·{" "}
            <time dateTime={notification.created_at}>{timeAgo(notification.created_at, now)}</time>
          </p>
        </div>
        <p className="mt-1 text-sm break-words whitespace-pre-line text-slate-600">{notification.message}</p>
        <div className="mt-3 flex flex-wrap items-center gap-2">
          {notification.action_url ? (
            <form action={openNotificationAction}>
              <input type="hidden" name="id" value={notification.id} />
              <button type="submit" className={`${actionButton} bg-brand-50 text-brand-700 hover:bg-brand-100`}>
                {notification.action_label ?? "Open"}
              </button>
            </form>
          ) : null}
          {unread ? (
            <form action={markReadAction}>
              <input type="hidden" name="id" value={notification.id} />
              <button
                type="submit"
                className={`${actionButton} text-slate-700 hover:bg-slate-100`}
                aria-label={`Mark read: ${notification.title}`}
              >
                Mark read
              </button>
            </form>
          ) : null}
          <form action={deleteNotificationAction} className="ml-auto">
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
