/** What the edges and the other modules use of this module. */
export {
  createQuoteOperation,
  deleteQuoteOperation,
  getQuoteOperation,
  listQuotesOperation,
  quoteOperations,
  updateQuoteOperation,
} from "./operations";
export { serializeUserRef, userRefOut, userRefSelect } from "./refs";
export { countExpiringQuotes } from "./repository";
export { expiredQuoteSql } from "./rules-sql";
export { EXPIRING_SOON_DAYS, quoteExpiry, type QuoteExpiry } from "./rules";
export { QUOTE_STATUSES, createQuoteBody, quoteListQuery, updateQuoteBody, type QuoteOut } from "./schemas";
export { createQuote, deleteQuote, getQuote, listQuotePage, quoteFormChoices, updateQuote } from "./service";
