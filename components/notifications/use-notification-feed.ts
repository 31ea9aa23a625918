"use client";

import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { NotificationListOut, NotificationOut } from "@/lib/notifications/schemas";
import { fetchLatest, fetchUnreadCount, markAllRead, markRead, STREAM_URL } from "./api";

export const LATEST_LIMIT = 8;
const POLL_MS = 30_000;
const REOPEN_STREAM_MS = 30_000;
const countKey = ["notifications", "unread-count"] as const;
const latestKey = ["notifications", "latest"] as const;

function updateLatest(client: QueryClient, change: (items: NotificationOut[]) => NotificationOut[]) {
  client.setQueryData<NotificationListOut>(latestKey, (page) => (page ? { ...page, items: change(page.items) } : page));
}

/**
 * The bell's data: the unread count kept live by the SSE stream (polling every 30 s while the stream is down),
 * the latest notifications (loaded when the dropdown opens) and the read actions.
 */
export function useNotificationFeed(open: boolean) {
  const client = useQueryClient();
  const [streamDown, setStreamDown] = useState(false);

  const count = useQuery({ queryKey: countKey, queryFn: fetchUnreadCount, refetchInterval: streamDown ? POLL_MS : false });
  const latest = useQuery({ queryKey: latestKey, queryFn: () => fetchLatest(LATEST_LIMIT), enabled: open, staleTime: 0 });

  useEffect(() => {
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      source = new EventSource(STREAM_URL);
      source.addEventListener("open", () => setStreamDown(false));
      source.addEventListener("unread_count", (event) => {
        setStreamDown(false);
        client.setQueryData(countKey, (JSON.parse((event as MessageEvent<string>).data) as { unread_count: number }).unread_count);
      });
      source.addEventListener("notification", (event) => {
        const notification = JSON.parse((event as MessageEvent<string>).data) as NotificationOut;
        updateLatest(client, (items) => [notification, ...items.filter((n) => n.id !== notification.id)].slice(0, LATEST_LIMIT));
      });
      source.addEventListener("error", () => {
        setStreamDown(true);
        // The browser retries a dropped stream by itself; one it gave up on (e.g. signed out) is reopened later.
        if (source?.readyState === EventSource.CLOSED) reopen = setTimeout(connect, REOPEN_STREAM_MS);
      });
    };
    connect();
    return () => {
      clearTimeout(reopen);
      source?.close();
    };
  }, [client]);

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
