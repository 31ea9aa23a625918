import { Decimal } from "@/lib/money";

/**
 * Conversion to the tenant's base currency. A rate is units of base currency per 1 unit of the deal's currency (up
 * to 8 decimals); the base currency's own rate is 1. Each deal converts on its own, rounded half up to the cent, and
 * totals add those rounded amounts (SQL: `toBaseSql`), so a column's total is the sum of its cards.
 */
export function toBase(value: Decimal | string, rate: Decimal | string): Decimal {
  return new Decimal(value).mul(rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}
