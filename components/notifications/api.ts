import type { NotificationListOut, NotificationOut } from "@/lib/notifications";

/** The browser's calls to the notifications API (same-origin, session cookie). */
const BASE = "/api/v1/notifications";

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${BASE}${path}`, {
    credentials: "same-origin",
    ...init,
    headers: { accept: "application/json", ...init?.headers },
  });
  if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${BASE}${path} answered ${response.status}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export const STREAM_URL = `${BASE}/stream`;

export async function fetchUnreadCount(): Promise<number> {
  return (await call<{ unread_count: number }>("/unread-count")).unread_count;
}

export function fetchLatest(limit: number): Promise<NotificationListOut> {
  return call<NotificationListOut>(`?page_size=${limit}`);
}

/** keepalive: the request survives the navigation that usually follows it. */
export function markRead(id: string): Promise<NotificationOut> {
  return call<NotificationOut>(`/${id}/read`, { method: "PATCH", keepalive: true });
}

export function markAllRead(): Promise<{ message: string; count: number }> {
  return call("/mark-all-read", { method: "POST" });
}

export type BulkAction = "read" | "unread" | "delete";

/** Marks many read or unread, or deletes them; the answer carries the new unread count. */
export function bulkUpdate(ids: string[], action: BulkAction): Promise<{ changed: number; unread_count: number }> {
  return call("/bulk", { method: "POST", body: JSON.stringify({ ids, action }), headers: { "content-type": "application/json" } });
}
