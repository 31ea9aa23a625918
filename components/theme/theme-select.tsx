"use client";

import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";

const THEMES = [
  { value: "system", label: "System" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
] as const;

const subscribeNever = () => () => {};

/** The colour theme: the system setting (default) or a fixed light or dark one, remembered in this browser. */
export function ThemeSelect() {
  const { theme, setTheme } = useTheme();
  // The server cannot know the stored choice: render "system" there and the real choice once hydrated.
  const hydrated = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
  return (
    <label className="flex items-center justify-between gap-2 rounded-md px-2 py-1.5 text-sm text-slate-700">
      Theme
      <select
        value={hydrated ? (theme ?? "system") : "system"}
        onChange={(event) => setTheme(event.target.value)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800"
        data-testid="theme-select"
      >
        {THEMES.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
