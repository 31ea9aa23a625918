import { formatMoney } from "@/lib/money";

type DealAmountProps = {
  amount: string;
  currency: string;
  baseAmount: string;
  baseCurrency: string;
  /** Classes of the amount in the deal's own currency. */
  className?: string;
  testId?: string;
};

/** A deal's amount in its own currency and, where that differs, the base-currency amount beside it ("€10,000.00 ≈ $10,850.00"). */
export function DealAmount({ amount, currency, baseAmount, baseCurrency, className, testId }: DealAmountProps) {
  return (
    <span data-testid={testId} className="inline-flex flex-wrap items-baseline gap-x-1.5">
      <span className={className}>{formatMoney(amount, currency)}</span>
      {currency !== baseCurrency ? (
        <span className="text-xs font-normal text-slate-600 tabular-nums">≈ {formatMoney(baseAmount, baseCurrency)}</span>
      ) : null}
    </span>
  );
}
