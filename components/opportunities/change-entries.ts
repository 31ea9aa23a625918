import { formatDay } from "@/lib/clock";
import { formatMoney, formatPercent } from "@/lib/money";
import type { OpportunityChangesOut } from "@/lib/analytics/browser";
import { FORECAST_LABEL } from "./forecast-category";

/** One change of a deal as its timeline shows it: who, when, and a sentence saying what changed. */
export type ChangeEntry = { id: string; changed_at: string; by: string; title: string };

type Change = OpportunityChangesOut["items"][number];

/** Stage changes are shown from the stage history, base values follow the value, deletion ends the page. */
const SHOWN = new Set(["value", "probability", "expected_close_date", "owner", "currency", "forecast_category"]);

const LABEL: Record<string, string> = {
  value: "Value",
  probability: "Probability",
  expected_close_date: "Expected close",
  owner: "Owner",
  currency: "Currency",
  forecast_category: "Forecast",
};

/**
 * The deal's change log as timeline entries. A value is shown in the currency the deal had at that moment (the log
 * is walked oldest first, following currency changes); owners by name; a log entry without an old value is the
 * deal's starting value ("set to"), except for the forecast category, where none means "its stage's default".
 */
export function changeEntries(changes: Change[], currentCurrency: string, userNames: ReadonlyMap<string, string>): ChangeEntry[] {
  const firstCurrencyChange = changes.find((c) => c.field === "currency" && c.old_value !== null);
  let currency = firstCurrencyChange?.old_value ?? currentCurrency;
  const entries: ChangeEntry[] = [];
  for (const change of changes) {
    if (change.field === "currency" && change.new_value) currency = change.new_value;
    if (!SHOWN.has(change.field)) continue;
    const show = (value: string | null) => shownValue(change.field, value, currency, userNames);
    const title =
      change.old_value === null && change.field !== "forecast_category"
        ? `${LABEL[change.field]} set to ${show(change.new_value)}`
        : `${LABEL[change.field]} changed from ${show(change.old_value)} to ${show(change.new_value)}`;
    entries.push({ id: change.id, changed_at: change.changed_at, by: change.changed_by?.name ?? "System", title });
  }
  return entries;
}

function shownValue(field: string, value: string | null, currency: string, userNames: ReadonlyMap<string, string>): string {
  if (field === "forecast_category") return value ? FORECAST_LABEL[value as keyof typeof FORECAST_LABEL] : "its stage's default";
  if (value === null) return "none";
  switch (field) {
    case "value":
      return formatMoney(value, currency);
    case "probability":
      return formatPercent(value);
    case "expected_close_date":
      return formatDay(value);
    case "owner":
      return userNames.get(value) ?? "a former user";
    default:
      return value;
  }
}
