"use client";

import { useCallback, useSyncExternalStore } from "react";

const KEY = "onquota.api-docs.bearer-token";
const CHANGED = "onquota:api-docs-token";

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener("storage", onChange);
  };
}

function read(): string {
  try {
    return window.sessionStorage.getItem(KEY) ?? "";
  } catch {
    return "";
  }
}

/** The bearer token typed into any "Try it" panel, shared by all of them and kept for this browser tab only. */
export function useSessionToken(): [string, (token: string) => void] {
  const token = useSyncExternalStore(subscribe, read, () => "");
  const setToken = useCallback((next: string) => {
    try {
      if (next) window.sessionStorage.setItem(KEY, next);
      else window.sessionStorage.removeItem(KEY);
    } catch {
      // Storage can be unavailable (private mode); the token then lives only in this render.
    }
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  return [token, setToken];
}
