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
  if (rate === null) {
    const base = await baseCurrencyOf(scope);
    throw ValidationError.field(
      "currency",
      `has no exchange rate to ${base} on ${formatDay(day)}; an admin can add one in Settings → Exchange rates`,
    );
  }
  return { baseValue: toBase(value, rate).toFixed(2), baseRate: rate.toFixed(8) };
}
