import type { Metadata } from "next";
import Link from "next/link";
import { requirePageScope } from "@/lib/auth";
import { systemClock } from "@/lib/clock";
import { listNotificationPage, listNotificationsQuery, NOTIFICATION_CATEGORIES, NOTIFICATION_TYPES } from "@/lib/notifications";
import { Button } from "@/components/ui/button";
import { NotificationCenter } from "@/components/notifications/notification-center";
import { categoryLabel, typeStyle } from "@/components/notifications/notification-style";
import { EmptyState, PageHeader, Pagination } from "@/components/ui/list-ui";
import { firstValues, listQueryFrom, pageSizeParam, type SearchParams } from "@/lib/http";
import { deleteNotificationAction, markAllReadAction, markReadAction, markUnreadAction, openNotificationAction } from "./actions";

const itemActions = {
  open: openNotificationAction,
  markRead: markReadAction,
  markUnread: markUnreadAction,
  remove: deleteNotificationAction,
};

export const metadata: Metadata = { title: "Notifications" };

const selectClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm sm:w-auto";

export default async function NotificationsPage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await requirePageScope();
  const query = listQueryFrom(listNotificationsQuery, firstValues(await searchParams));
  const result = await listNotificationPage(scope, query);
  const filters = {
    is_read: query.is_read === undefined ? undefined : String(query.is_read),
    type: query.type,
    category: query.category,
  };
  const filtered = Object.values(filters).some(Boolean);
  const now = systemClock().getTime();

  return (
    <div className="space-y-6">
      <PageHeader
        title="Notifications"
        description={
          result.unread_count > 0
            ? `You have ${result.unread_count} unread notification${result.unread_count === 1 ? "" : "s"}.`
            : "You're all caught up."
        }
        action={
          result.unread_count > 0 ? (
            <form action={markAllReadAction}>
              <Button type="submit" variant="secondary">
                Mark all read
              </Button>
            </form>
          ) : null
        }
      />
      <form action="/notifications" className="grid grid-cols-1 items-end gap-3 sm:flex sm:flex-wrap" aria-label="Filter notifications">
        <div>
          <label htmlFor="filter-read" className="block text-sm font-medium text-slate-700">
            Status
          </label>
          <select id="filter-read" name="is_read" defaultValue={filters.is_read ?? ""} className={selectClass}>
            <option value="">All</option>
            <option value="false">Unread</option>
            <option value="true">Read</option>
          </select>
        </div>
        <div>
          <label htmlFor="filter-type" className="block text-sm font-medium text-slate-700">
            Type
          </label>
          <select id="filter-type" name="type" defaultValue={filters.type ?? ""} className={selectClass}>
            <option value="">All types</option>
            {NOTIFICATION_TYPES.map((type) => (
              <option key={type} value={type}>
                {typeStyle[type].label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-category" className="block text-sm font-medium text-slate-700">
            Category
          </label>
          <select id="filter-category" name="category" defaultValue={filters.category ?? ""} className={selectClass}>
            <option value="">All categories</option>
            {NOTIFICATION_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {categoryLabel[category]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">
            Filter
          </Button>
          {filtered ? (
            <Link href="/notifications" className="inline-flex items-center px-2 text-sm font-medium text-brand-700 hover:underline">
              Clear filters
            </Link>
          ) : null}
        </div>
      </form>
      {result.items.length === 0 ? (
        <EmptyState
          title={result.total > 0 ? "Nothing on this page" : filtered ? "No notification matches these filters" : "No notifications yet"}
        >
          {result.total > 0 ? (
            <Link href="/notifications" className="text-brand-700 underline underline-offset-2">
              Back to the first page
            </Link>
          ) : filtered ? (
            <Link href="/notifications" className="text-brand-700 underline underline-offset-2">
              Clear the filters
            </Link>
          ) : (
            <p>Alerts about your deals, quotes and vehicles will appear here.</p>
          )}
        </EmptyState>
      ) : (
        <NotificationCenter items={result.items} now={now} actions={itemActions} />
      )}
      <Pagination
        basePath="/notifications"
        params={{ ...filters, page_size: pageSizeParam(query) }}
        page={result.page}
        totalPages={result.total_pages}
        total={result.total}
        noun="notifications"
      />
    </div>
  );
}
