import type { Metadata } from "next";
import { listLossReasons } from "@/lib/loss-reasons";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatDay, formatInstant, systemClock, toIsoDate, utcDate } from "@/lib/clock";
import { canDeleteOpportunity, FORECAST_CATEGORIES, getStageHistory, isOverdue, serializeHistory } from "@/lib/opportunities";
import { FORECAST_LABEL, ForecastBadge } from "@/components/opportunities/forecast-category";
import { formatPercent } from "@/lib/money";
import { currencyName, rateOn } from "@/lib/currency";
import { DealAmount } from "@/components/opportunities/deal-amount";
import { OpportunityActions } from "@/components/opportunities/opportunity-actions";
import { OverdueBadge, StageBadge } from "@/components/opportunities/stage-badge";
import { DealTimeline } from "@/components/activities/deal-timeline";
import { listActivities } from "@/lib/activities";
import { getOpportunityChanges, serializeChanges } from "@/lib/analytics";
import { listUsers } from "@/lib/users";
import { changeEntries } from "@/components/opportunities/change-entries";
import { secondaryLinkClass } from "@/components/ui/list-ui";
import { LocalTime } from "@/components/ui/local-time";
import { closeOpportunityAction, deleteOpportunityAction, setForecastCategoryAction } from "../actions";
import { loadOpportunity } from "./load";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { opportunity } = await loadOpportunity((await params).id);
  return { title: opportunity.name };
}

export default async function OpportunityPage({ params }: Params) {
  const { scope, opportunity: deal } = await loadOpportunity((await params).id);
  const [stageChanges, activities, lossReasons, changes] = await Promise.all([
    getStageHistory(scope, deal.id),
    listActivities(scope, { page: 1, page_size: 100, opportunity_id: deal.id }),
    deal.is_closed ? [] : listLossReasons(scope),
    getOpportunityChanges(scope, deal.id),
  ]);
  // Owners are logged as user ids: their names are read only when the deal ever changed hands.
  const users = changes.some((change) => change.field === "owner") ? await listUsers(scope) : [];
  const history = serializeHistory(stageChanges);
  const today = toIsoDate(utcDate(systemClock()));
  const overdue = isOverdue(deal.stage, deal.expected_close_date, today);
  const todaysRate = deal.currency !== deal.base_currency && !deal.fx_rate ? await rateOn(scope.tenantId, deal.currency, today) : null;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link href="/opportunities" className="underline underline-offset-2 hover:text-slate-900">
          Opportunities
        </Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page" className="text-slate-900">
          {deal.name}
        </span>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight break-words">{deal.name}</h1>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <StageBadge stage={deal.stage} />
            {overdue ? <OverdueBadge /> : null}
            <span className="text-sm text-slate-600">for {deal.client.name}</span>
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          {!deal.is_closed ? (
            <Link href={`/opportunities/${deal.id}/edit`} className={secondaryLinkClass}>
              Edit
            </Link>
          ) : null}
          <OpportunityActions
            name={deal.name}
            isClosed={deal.is_closed}
            canDelete={canDeleteOpportunity(scope.role)}
            close={closeOpportunityAction.bind(null, deal.id, deal.version)}
            remove={deleteOpportunityAction.bind(null, deal.id, deal.version)}
            lossReasons={lossReasons}
          />
        </div>
      </div>

      <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="deal-details" className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="deal-details" className="text-base font-semibold">
            Details
          </h2>
          <dl className="mt-4 grid gap-x-6 gap-y-4 sm:grid-cols-2">
            <Item label="Estimated value" testId="detail-value">
              <DealAmount
                amount={deal.estimated_value}
                currency={deal.currency}
                baseAmount={deal.base_value}
                baseCurrency={deal.base_currency}
                className="text-lg font-semibold tabular-nums"
              />
            </Item>
            <Item label="Weighted value" testId="detail-weighted">
              <DealAmount
                amount={deal.weighted_value}
                currency={deal.currency}
                baseAmount={deal.base_weighted_value}
                baseCurrency={deal.base_currency}
                className="text-lg font-semibold tabular-nums"
              />
            </Item>
            <Item label="Probability" testId="detail-probability">
              {formatPercent(deal.probability)}
            </Item>
            <Item label="Forecast category" testId="detail-forecast">
              {deal.is_closed ? (
                <ForecastBadge category={null} />
              ) : (
                <form action={setForecastCategoryAction.bind(null, deal.id, deal.version)} className="flex flex-wrap items-center gap-2">
                  <span data-testid="forecast-now">
                    <ForecastBadge category={deal.forecast_category} custom={deal.forecast_category_is_custom} />
                  </span>
                  <label htmlFor="deal-forecast" className="sr-only">
                    Forecast category
                  </label>
                  <select
                    id="deal-forecast"
                    name="forecast_category"
                    defaultValue={deal.forecast_category_is_custom ? (deal.forecast_category ?? "") : ""}
                    className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
                  >
                    <option value="">
                      Follow the stage{deal.forecast_category_is_custom ? "" : ` (${FORECAST_LABEL[deal.forecast_category!]})`}
                    </option>
                    {FORECAST_CATEGORIES.map((category) => (
                      <option key={category} value={category}>
                        {FORECAST_LABEL[category]}
                      </option>
                    ))}
                  </select>
                  <button type="submit" className={secondaryLinkClass}>
                    Save
                  </button>
                </form>
              )}
            </Item>
            <Item label="Currency">
              {deal.currency} <span className="text-slate-500">({currencyName(deal.currency)})</span>
              {deal.currency !== deal.base_currency && (deal.fx_rate || todaysRate) ? (
                <span className="block text-xs text-slate-600" data-testid="detail-rate">
                  {deal.fx_rate ? "Closed at" : "Today:"} 1 {deal.currency} ={" "}
                  {(deal.fx_rate ?? todaysRate!.toFixed(8)).replace(/\.?0+$/, "")} {deal.base_currency}
                </span>
              ) : null}
            </Item>
            <Item label="Expected close date">
              <time dateTime={deal.expected_close_date} className={overdue ? "font-medium text-red-700" : undefined}>
                {formatDay(deal.expected_close_date)}
              </time>
            </Item>
            <Item label="Actual close date">
              {deal.actual_close_date ? <time dateTime={deal.actual_close_date}>{formatDay(deal.actual_close_date)}</time> : "Not closed"}
            </Item>
            <Item label="Client">
              <Link href={`/clients/${deal.client.id}`} className="text-brand-700 underline underline-offset-2">
                {deal.client.name}
              </Link>
            </Item>
            <Item label="Owner">
              {deal.assigned_user.name} <span className="text-slate-500">({deal.assigned_user.email})</span>
            </Item>
            {deal.stage === "CLOSED_LOST" ? (
              <Item label="Loss reason" wide testId="detail-loss-reason">
                {deal.loss_reason}
              </Item>
            ) : null}
            <Item label="Description" wide>
              {deal.description ? (
                <p className="whitespace-pre-line">{deal.description}</p>
              ) : (
                <span className="text-slate-500">No description</span>
              )}
            </Item>
            <Item label="Created">
              <LocalTime iso={deal.created_at} fallback={formatInstant(deal.created_at)} />
            </Item>
            <Item label="Last updated">
              <LocalTime iso={deal.updated_at} fallback={formatInstant(deal.updated_at)} />
            </Item>
          </dl>
        </section>
        <section aria-labelledby="deal-timeline" className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="deal-timeline" className="text-base font-semibold">
            Activity
          </h2>
          <DealTimeline
            opportunityId={deal.id}
            activities={activities.items}
            stages={history.items.map((item) => ({ ...item, by: item.changed_by.name }))}
            changes={changeEntries(serializeChanges(changes).items, deal.currency, new Map(users.map((user) => [user.id, user.name])))}
          />
        </section>
      </div>
    </div>
  );
}

function Item({ label, wide = false, testId, children }: { label: string; wide?: boolean; testId?: string; children: ReactNode }) {
  return (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
