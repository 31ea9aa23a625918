import { formatDay } from "@/lib/clock";
import { rateOn, toBase } from "@/lib/currency";
import type { Tx } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { baseCurrencyOf } from "@/lib/tenants";

export type BaseAmount = { baseValue: string; baseRate: string };

/**
 * A deal's value in the tenant's base currency as of `day` (YYYY-MM-DD): the rate of that day (1 for the base
 * currency itself) and the value converted at it. A currency without a rate is refused on the `currency` field, so no
 * total is ever wrong.
 */
export async function baseAmount(scope: Scope, currency: string, value: string, day: string, tx?: Tx): Promise<BaseAmount> {
  const rate = await rateOn(scope.tenantId, currency, day, tx);
  if (rate === null) throw ValidationError.field("currency", missingRateMessage(await baseCurrencyOf(scope), day));
  return { baseValue: toBase(value, rate).toFixed(2), baseRate: rate.toFixed(8) };
}

/** Why a deal in a currency without a rate on `day` is refused. */
export function missingRateMessage(baseCurrency: string, day: string): string {
  return `has no exchange rate to ${baseCurrency} on ${formatDay(day)}; an admin can add one in Settings → Exchange rates`;
}
