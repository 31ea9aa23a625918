"use client";

import { usePathname } from "next/navigation";
import { createContext, useContext, useEffect, useId, useRef, useState, type ReactNode } from "react";

type NavMenuState = { open: boolean; setOpen: (open: boolean) => void; navId: string; closeAndFocusButton: () => void };

const NavMenuContext = createContext<NavMenuState | null>(null);

function useNavMenu(): NavMenuState {
  const state = useContext(NavMenuContext);
  if (!state) throw new Error("NavMenuButton and NavLinks belong inside NavMenu.");
  return state;
}

/**
 * On narrow screens the main navigation folds behind a "Menu" button (NavMenuButton) and opens as a list
 * (NavLinks); from `md` up the links are always shown as tabs. Following a link or pressing Escape closes it.
 */
export function NavMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const navId = useId();
  const pathname = usePathname();
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }
  const closeAndFocusButton = () => {
    setOpen(false);
    document.querySelector<HTMLButtonElement>(`[aria-controls="${CSS.escape(navId)}"]`)?.focus();
  };
  return <NavMenuContext.Provider value={{ open, setOpen, navId, closeAndFocusButton }}>{children}</NavMenuContext.Provider>;
}

export function NavMenuButton() {
  const { open, setOpen, navId } = useNavMenu();
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-controls={navId}
      onClick={() => setOpen(!open)}
      className="-ml-2 inline-flex min-h-11 items-center gap-1.5 rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100 md:hidden"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-5 w-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      >
        {open ? <path d="M6 6l12 12M18 6 6 18" /> : <path d="M4 6h16M4 12h16M4 18h16" />}
      </svg>
      Menu
    </button>
  );
}

/** The links' container: the tab row from `md` up, the folding list below it. */
export function NavPanel({ children }: { children: ReactNode }) {
  const { open, navId, closeAndFocusButton } = useNavMenu();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (open) ref.current?.querySelector<HTMLElement>("a[aria-current=page], a")?.focus();
  }, [open]);
  return (
    <nav
      ref={ref}
      id={navId}
      aria-label="Main"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.preventDefault();
          closeAndFocusButton();
        }
      }}
      className={`${open ? "block" : "hidden"} pb-2 md:block md:pb-0`}
    >
      {children}
    </nav>
  );
}
