"use client";

import { useCallback, useSyncExternalStore } from "react";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { STAGES } from "@/lib/opportunities/browser";

const storageKey = (userId: string) => `onquota.board.collapsed.${userId}`;
const changed = new EventTarget();

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  changed.addEventListener("change", onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    changed.removeEventListener("change", onChange);
  };
}

function parse(raw: string): ReadonlySet<OpportunityStage> {
  try {
    const value: unknown = JSON.parse(raw);
    return new Set(Array.isArray(value) ? STAGES.filter((stage) => value.includes(stage)) : []);
  } catch {
    return new Set();
  }
}

/** The columns this user folded away, remembered in this browser per user (and kept in step across tabs). */
export function useCollapsedColumns(userId: string) {
  const raw = useSyncExternalStore(
    subscribe,
    () => localStorage.getItem(storageKey(userId)) ?? "[]",
    () => "[]",
  );
  const collapsed = parse(raw);
  const toggle = useCallback(
    (stage: OpportunityStage) => {
      const next = new Set(parse(localStorage.getItem(storageKey(userId)) ?? "[]"));
      if (next.has(stage)) next.delete(stage);
      else next.add(stage);
      localStorage.setItem(storageKey(userId), JSON.stringify([...next]));
      changed.dispatchEvent(new Event("change"));
    },
    [userId],
  );
  return { collapsed, toggle };
}
