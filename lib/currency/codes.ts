import { APP_LOCALE } from "@/lib/locale";

/** The ISO 4217 currencies in circulation, as the runtime's ICU data lists them (162 on Node 20). */
export const CURRENCY_CODES: readonly string[] = Intl.supportedValuesOf("currency");

const known = new Set(CURRENCY_CODES);

export function isCurrencyCode(code: string): boolean {
  return known.has(code);
}

const names = new Intl.DisplayNames([APP_LOCALE], { type: "currency" });

/** "EUR" → "Euro". */
export function currencyName(code: string): string {
  return names.of(code) ?? code;
}
