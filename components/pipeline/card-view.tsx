import Link from "next/link";
import { ForecastBadge } from "@/components/opportunities/forecast-category";
import type { ReactNode } from "react";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { formatDay } from "@/lib/clock";
import { formatPercent } from "@/lib/money";
import { DealAmount } from "@/components/opportunities/deal-amount";
import { cardBaseValue, cardCurrency, isClosedStage, type BoardCardOut, type BoardOwnerOut } from "@/lib/opportunities/browser";
import { NextStepLine } from "@/components/activities/next-step-line";
import { STAGE_LABEL } from "@/components/opportunities/stage-meta";

type CardViewProps = {
  card: BoardCardOut;
  /** The column the card is in. */
  stage: OpportunityStage;
  owner: BoardOwnerOut | undefined;
  baseCurrency: string;
  /** The move button (drag handle); absent on the floating copy shown while dragging. */
  handle?: ReactNode;
  /** Actions under the card (Reopen on a closed card). */
  footer?: ReactNode;
  /** Before the name: the checkbox that selects the card for a bulk action. */
  leading?: ReactNode;
  lifted?: boolean;
};

/** One deal on the board: name, client, next step, stale badge, value, probability, expected close (overdue marked) and owner. */
export function CardView({ card, stage, owner, baseCurrency, handle, footer, leading, lifted = false }: CardViewProps) {
  const overdue = card.overdue === true;
  return (
    <article
      className={`rounded-lg border bg-white p-3 text-left shadow-sm ${overdue ? "border-l-4 border-red-300 border-l-red-500" : "border-slate-200"} ${
        lifted ? "rotate-1 shadow-lg ring-2 ring-brand-500" : ""
      }`}
    >
      <div className="flex items-start justify-between gap-2">
        {leading}
        {/* No prefetch: a column scrolled by would prefetch every deal page it shows (hundreds of server renders). */}
        <Link
          href={`/opportunities/${card.id}`}
          prefetch={false}
          draggable={false}
          className="mr-6 min-w-0 text-sm leading-snug font-medium break-words text-slate-900 hover:text-brand-700 hover:underline"
        >
          {card.name}
        </Link>
        {handle}
      </div>
      <p className="mt-0.5 truncate text-xs text-slate-600">{card.client_name}</p>
      <NextStepLine next={card.nx} open={!isClosedStage(stage)} />
      {card.st !== undefined ? (
        <p className="mt-1">
          <span className="rounded bg-amber-50 px-1 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-200 ring-inset">
            {card.st} days in {STAGE_LABEL[stage]}
          </span>
        </p>
      ) : null}
      <div className="mt-2 flex items-baseline justify-between gap-2">
        <DealAmount
          amount={card.value}
          currency={cardCurrency(card, baseCurrency)}
          baseAmount={cardBaseValue(card)}
          baseCurrency={baseCurrency}
          className="text-sm font-semibold text-slate-900 tabular-nums"
        />
        <span className="flex items-center gap-1.5 text-xs text-slate-600 tabular-nums">
          {card.fc ? <ForecastBadge category={card.fc} /> : null}
          <span className="sr-only">Probability </span>
          {formatPercent(card.probability)}
        </span>
      </div>
      <div className="mt-2 flex items-center justify-between gap-2 text-xs">
        <span className={`inline-flex flex-wrap items-center gap-1 ${overdue ? "font-medium text-red-700" : "text-slate-600"}`}>
          {overdue ? (
            <span className="rounded bg-red-50 px-1 py-0.5 font-semibold tracking-wide text-red-700 uppercase ring-1 ring-red-200 ring-inset">
              Overdue
            </span>
          ) : null}
          <span className="sr-only">{isClosedStage(stage) ? "Closed on" : "Expected close"} </span>
          <time dateTime={card.close_date}>{formatDay(card.close_date)}</time>
        </span>
        {owner ? (
          <span
            title={owner.name}
            className="grid h-6 w-6 shrink-0 place-items-center rounded-full bg-brand-100 text-[10px] font-semibold text-brand-700"
          >
            <span aria-hidden="true">{owner.initials}</span>
            <span className="sr-only">Owner {owner.name}</span>
          </span>
        ) : null}
      </div>
      {footer}
    </article>
  );
}
