"use client";

import Link from "next/link";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { FORECAST_CATEGORIES, isClosedStage, type BoardCardOut, type ForecastCategory } from "@/lib/opportunities/browser";
import { FORECAST_LABEL } from "@/components/opportunities/forecast-category";

export type CardAction = "won" | "lost" | "delete" | { forecast: ForecastCategory | null };

type CardMenuProps = {
  card: BoardCardOut;
  stage: OpportunityStage;
  canDelete: boolean;
  onAction: (action: CardAction, card: BoardCardOut, stage: OpportunityStage) => void;
};

const itemClass =
  "block w-full rounded px-2 py-1.5 text-left text-sm text-slate-800 hover:bg-slate-100 focus:bg-slate-100 focus:outline-none";

/**
 * A card's actions (open, edit, won, lost, its forecast category, delete where allowed) as a menu button: arrows move between items, Escape
 * closes it and gives focus back. Keys and presses stay inside, so they never start a drag of the card.
 */
export function CardMenu({ card, stage, canDelete, onAction }: CardMenuProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const closed = isClosedStage(stage);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
    const away = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", away);
    return () => document.removeEventListener("pointerdown", away);
  }, [open]);

  function close(refocus = true) {
    setOpen(false);
    if (refocus) button.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    event.stopPropagation();
    if (!open) return;
    const items = [...(root.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      items[event.key === "Home" ? 0 : items.length - 1]?.focus();
    } else if (event.key === "Tab") {
      close(false);
    }
  }

  function act(action: CardAction) {
    setOpen(false);
    onAction(action, card, stage);
  }

  return (
    <div ref={root} className="relative -mt-1" onKeyDown={onKeyDown} onPointerDown={(event) => event.stopPropagation()}>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Actions for ${card.name}`}
        onClick={() => setOpen((was) => !was)}
        className="grid h-6 w-6 place-items-center rounded text-slate-500 hover:bg-slate-100 hover:text-slate-800"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
          <circle cx="4" cy="10" r="1.6" />
          <circle cx="10" cy="10" r="1.6" />
          <circle cx="16" cy="10" r="1.6" />
        </svg>
      </button>
      {open ? (
        <div
          role="menu"
          aria-label={`Actions for ${card.name}`}
          className="absolute right-0 z-30 mt-1 w-48 rounded-lg border border-slate-200 bg-white p-1 shadow-lg"
        >
          <Link role="menuitem" href={`/opportunities/${card.id}`} className={itemClass}>
            Open
          </Link>
          {closed ? null : (
            <>
              <Link role="menuitem" href={`/opportunities/${card.id}/edit`} className={itemClass}>
                Edit
              </Link>
              <button role="menuitem" type="button" className={itemClass} onClick={() => act("won")}>
                Mark as won
              </button>
              <button role="menuitem" type="button" className={itemClass} onClick={() => act("lost")}>
                Mark as lost
              </button>
              {FORECAST_CATEGORIES.filter((category) => category !== card.fc).map((category) => (
                <button key={category} role="menuitem" type="button" className={itemClass} onClick={() => act({ forecast: category })}>
                  Forecast: {FORECAST_LABEL[category]}
                </button>
              ))}
            </>
          )}
          {canDelete ? (
            <button role="menuitem" type="button" className={`${itemClass} text-red-700`} onClick={() => act("delete")}>
              Delete
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
