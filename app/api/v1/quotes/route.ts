import { apiRoute } from "@/lib/http";
import { createQuote, createQuoteOperation, listQuotePage, listQuotesOperation } from "@/lib/quotes";

export const GET = apiRoute(listQuotesOperation, async ({ scope, query }) => listQuotePage(scope, query));

export const POST = apiRoute(createQuoteOperation, async ({ scope, body }) => createQuote(scope, body));
