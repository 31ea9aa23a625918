"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { NotificationOut } from "@/lib/notifications";
import { timeAgo, TypeIcon, typeStyle } from "./notification-style";
import { useNotificationFeed } from "./use-notification-feed";

function badgeText(count: number): string {
  return count > 99 ? "99+" : String(count);
}

/** The header bell: live unread badge and a dropdown of the latest notifications. */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const feed = useNotificationFeed(open);
  const router = useRouter();
  const panelId = useId();
  const headingId = useId();
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    panel.current?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const items = () => Array.from(panel.current?.querySelectorAll<HTMLElement>("[data-notification-item]") ?? []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close(true);
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const list = items();
    if (list.length === 0) return;
    event.preventDefault();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const next = event.key === "ArrowDown" ? (at + 1) % list.length : (at <= 0 ? list.length : at) - 1;
    list[next]!.focus();
  };

  const openItem = async (notification: NotificationOut) => {
    close(false);
    const reading = notification.is_read ? Promise.resolve() : feed.markRead(notification.id).then(() => undefined);
    const url = notification.action_url;
    if (!url) {
      await reading.catch(() => undefined);
      return;
    }
    if (url.startsWith("/")) router.push(url);
    else {
      await reading.catch(() => undefined);
      window.location.assign(url);
    }
  };

  const label = feed.unread > 0 ? `Notifications, ${feed.unread} unread` : "Notifications";

  return (
    <div
      ref={container}
      className="relative"
      onKeyDown={open ? onKeyDown : undefined}
      onBlur={(event) => {
        if (open && event.relatedTarget && !container.current?.contains(event.relatedTarget as Node)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={panelId}
        aria-haspopup="dialog"
        onClick={() => setOpen((value) => !value)}
        className="relative rounded-full p-2 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
        data-testid="notification-bell"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {feed.unread > 0 ? (
          <span
            aria-hidden="true"
            data-testid="notification-badge"
            className="absolute -top-0.5 -right-0.5 flex h-5 min-w-5 items-center justify-center rounded-full bg-red-600 px-1 text-[11px] leading-none font-semibold text-white ring-2 ring-white"
          >
            {badgeText(feed.unread)}
          </span>
        ) : null}
      </button>
      <p className="sr-only" aria-live="polite">
        {feed.unread > 0 ? `${feed.unread} unread notifications` : ""}
      </p>
      {open ? (
        <div
          ref={panel}
          id={panelId}
          role="dialog"
          aria-labelledby={headingId}
          tabIndex={-1}
          className="fixed inset-x-3 top-14 z-30 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xl focus:outline-none sm:absolute sm:inset-x-auto sm:top-auto sm:right-0 sm:mt-2 sm:w-[22rem]"
        >
          <div className="flex items-center justify-between gap-2 border-b border-slate-100 px-4 py-3">
            <h2 id={headingId} className="text-sm font-semibold text-slate-900">
              Notifications
            </h2>
            <button
              type="button"
              onClick={() => feed.markAllRead()}
              disabled={feed.unread === 0 || feed.markingAll}
              className="rounded-md px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50 disabled:cursor-not-allowed disabled:text-slate-400 disabled:hover:bg-transparent"
            >
              Mark all read
            </button>
          </div>
          <BellList feed={feed} onOpen={openItem} />
          <div className="border-t border-slate-100 px-4 py-2.5 text-center">
            <Link href="/notifications" onClick={() => close(false)} className="text-sm font-medium text-brand-700 hover:underline">
              View all
            </Link>
          </div>
        </div>
      ) : null}
    </div>
  );
}

type Feed = ReturnType<typeof useNotificationFeed>;

/** The current time, refreshed every minute so that "5 min ago" stays true while the dropdown is open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function BellList({ feed, onOpen }: { feed: Feed; onOpen: (n: NotificationOut) => void }) {
  const now = useNow();
  if (feed.latestLoading) return <p className="px-4 py-6 text-center text-sm text-slate-500">Loading…</p>;
  if (feed.latestFailed) return <p className="px-4 py-6 text-center text-sm text-red-600">Notifications could not be loaded.</p>;
  if (feed.latest.length === 0) return <p className="px-4 py-8 text-center text-sm text-slate-500">You&apos;re all caught up.</p>;
  return (
    <ul className="max-h-[26rem] divide-y divide-slate-100 overflow-y-auto" aria-label="Latest notifications">
      {feed.latest.map((notification) => (
        <li key={notification.id}>
          <button
            type="button"
            data-notification-item
            onClick={() => onOpen(notification)}
            className={`flex w-full gap-3 border-l-4 px-4 py-3 text-left hover:bg-slate-50 focus:bg-slate-50 focus:outline-none ${
              notification.is_read ? "border-l-transparent" : `${typeStyle[notification.type].ring} bg-slate-50/60`
            }`}
          >
            <TypeIcon type={notification.type} />
            <span className="min-w-0 flex-1">
              <span className={`block truncate text-sm ${notification.is_read ? "text-slate-700" : "font-semibold text-slate-900"}`}>
                {notification.title}
                {notification.is_read ? null : <span className="sr-only"> (unread)</span>}
              </span>
              <span className="mt-0.5 line-clamp-2 block text-xs text-slate-600">{notification.message}</span>
              <span className="mt-1 block text-xs text-slate-600">
                {timeAgo(notification.created_at, now)}
                {notification.action_label ? ` · ${notification.action_label}` : ""}
              </span>
            </span>
            {notification.is_read ? null : <span aria-hidden="true" className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-brand-600" />}
          </button>
        </li>
      ))}
    </ul>
  );
}
