"use client";

import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { NotificationListOut, NotificationOut } from "@/lib/notifications";
import { fetchLatest, fetchUnreadCount, markAllRead, markRead, STREAM_URL } from "./api";

export const LATEST_LIMIT = 8;
const POLL_MS = 30_000;
const REOPEN_STREAM_MS = 30_000;
const notificationsKey = ["notifications"] as const;
const countKey = ["notifications", "unread-count"] as const;
const latestKey = ["notifications", "latest"] as const;

function updateLatest(client: QueryClient, change: (items: NotificationOut[]) => NotificationOut[]) {
  client.setQueryData<NotificationListOut>(latestKey, (page) => (page ? { ...page, items: change(page.items) } : page));
}

/**
 * The bell's data: the unread count kept live by the SSE stream (polling every 30 s while the stream is down),
 * the latest notifications (loaded when the dropdown opens) and the read actions. A dropped stream is resumed by
 * the browser, which sends the last event id back so that the server replays what was missed; when it missed too
 * much to replay (`refetch`), or the stream had to be opened anew, the bell and the notification center reload.
 */
export function useNotificationFeed(open: boolean) {
  const client = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const [streamDown, setStreamDown] = useState(false);
  const onNotificationCenter = useRef(false);
  useEffect(() => {
    onNotificationCenter.current = pathname === "/notifications";
  }, [pathname]);

  const count = useQuery({ queryKey: countKey, queryFn: fetchUnreadCount, refetchInterval: streamDown ? POLL_MS : false });
  const latest = useQuery({ queryKey: latestKey, queryFn: () => fetchLatest(LATEST_LIMIT), enabled: open, staleTime: 0 });

  useEffect(() => {
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    const reload = () => {
      void client.invalidateQueries({ queryKey: notificationsKey });
      if (onNotificationCenter.current) router.refresh();
    };
    const connect = (reopened: boolean) => {
      source = new EventSource(STREAM_URL);
      // A stream opened anew starts from now: what came while none was open is only in a reload.
      if (reopened) source.addEventListener("open", reload, { once: true });
      source.addEventListener("open", () => setStreamDown(false));
      source.addEventListener("unread_count", (event) => {
        setStreamDown(false);
        const { unread_count } = JSON.parse((event as MessageEvent<string>).data) as { unread_count: number };
        // A count fetch still in flight (the first one, a reload) may answer with an older count after this event:
        // cancelled first, it cannot overwrite the newer one.
        void client.cancelQueries({ queryKey: countKey }).then(() => client.setQueryData(countKey, unread_count));
      });
      source.addEventListener("notification", (event) => {
        const notification = JSON.parse((event as MessageEvent<string>).data) as NotificationOut;
        updateLatest(client, (items) => [notification, ...items.filter((n) => n.id !== notification.id)].slice(0, LATEST_LIMIT));
      });
      source.addEventListener("refetch", reload);
      source.addEventListener("error", () => {
        setStreamDown(true);
        // The browser retries a dropped stream by itself; one it gave up on (e.g. signed out) is reopened later.
        if (source?.readyState === EventSource.CLOSED) reopen = setTimeout(() => connect(true), REOPEN_STREAM_MS);
      });
    };
    connect(false);
    return () => {
      clearTimeout(reopen);
      source?.close();
    };
  }, [client, router]);

  const read = useMutation({
    mutationFn: markRead,
    onSuccess: (notification) => {
      updateLatest(client, (items) => items.map((n) => (n.id === notification.id ? notification : n)));
      void client.invalidateQueries({ queryKey: countKey });
    },
  });

  const readAll = useMutation({
    mutationFn: markAllRead,
    onSuccess: () => {
      client.setQueryData(countKey, 0);
      const now = new Date().toISOString();
      updateLatest(client, (items) => items.map((n) => (n.is_read ? n : { ...n, is_read: true, read_at: now })));
    },
  });

  return {
    unread: count.data ?? 0,
    latest: latest.data?.items ?? [],
    latestLoading: latest.isPending && open,
    latestFailed: latest.isError,
    markRead: read.mutateAsync,
    markAllRead: readAll.mutate,
    markingAll: readAll.isPending,
  };
}
