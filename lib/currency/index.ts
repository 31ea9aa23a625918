/** What the other modules and the edges use of the currency module: codes, conversion, stored rates, rate files. */
export { CURRENCY_CODES, currencyName, isCurrencyCode } from "./codes";
export { toBase } from "./rules";
export { rateOnSql, toBaseSql } from "./rules-sql";
export { deleteRates, listRates, rateOn, upsertRates, type NewRate, type StoredRate } from "./repository";
export { looksLikeEcbXml, ratesFromCsv, ratesFromEcbXml, type RateFileResult } from "./rate-files";
export * from "./schemas";
export * from "./operations";
