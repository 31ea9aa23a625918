/** What the browser may use of the currency module: the ISO list, names, conversion, schemas. */
export { CURRENCY_CODES, currencyName, isCurrencyCode } from "./codes";
export { toBase } from "./rules";
export * from "./schemas";
