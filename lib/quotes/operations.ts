import { defineOperation } from "@/lib/http";
import { createQuoteBody, quoteIdParams, quoteListOut, quoteListQuery, quoteOut, updateQuoteBody } from "./schemas";

export const listQuotesOperation = defineOperation({
  id: "listQuotes",
  method: "GET",
  path: "/quotes",
  summary: "List quotes (a sales rep sees their own), by valid_until then quote_number",
  tags: ["Quotes"],
  ownerScoped: true,
  query: quoteListQuery,
  response: quoteListOut,
});

export const createQuoteOperation = defineOperation({
  id: "createQuote",
  method: "POST",
  path: "/quotes",
  summary: "Create a quote; sales_rep_id defaults to the caller",
  description:
    "A sales rep may only name themselves as sales_rep_id (anyone else: 403). The quote number must be unused among the company's live quotes (409).",
  tags: ["Quotes"],
  body: createQuoteBody,
  response: quoteOut,
  successStatus: 201,
  errors: [403, 409],
});

export const getQuoteOperation = defineOperation({
  id: "getQuote",
  method: "GET",
  path: "/quotes/{id}",
  summary: "One quote",
  tags: ["Quotes"],
  ownerScoped: true,
  params: quoteIdParams,
  response: quoteOut,
  errors: [404],
});

export const updateQuoteOperation = defineOperation({
  id: "updateQuote",
  method: "PUT",
  path: "/quotes/{id}",
  summary: "Change a quote (partial update)",
  description: "A sales rep may not hand a quote to someone else (403). A quote number already in use is 409.",
  tags: ["Quotes"],
  ownerScoped: true,
  params: quoteIdParams,
  body: updateQuoteBody,
  response: quoteOut,
  errors: [403, 404, 409],
});

export const deleteQuoteOperation = defineOperation({
  id: "deleteQuote",
  method: "DELETE",
  path: "/quotes/{id}",
  summary: "Delete a quote (soft; its sales rep, supervisors and admins)",
  tags: ["Quotes"],
  ownerScoped: true,
  params: quoteIdParams,
  successStatus: 204,
  errors: [404],
});

export const quoteOperations = [listQuotesOperation, createQuoteOperation, getQuoteOperation, updateQuoteOperation, deleteQuoteOperation];
