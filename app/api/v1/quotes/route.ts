import { apiRoute } from "@/lib/http/api-route";
import { createQuoteOperation, listQuotesOperation } from "@/lib/quotes/operations";
import { createQuote, listQuotePage } from "@/lib/quotes/service";

export const GET = apiRoute(listQuotesOperation, async ({ scope, query }) => listQuotePage(scope, query));

export const POST = apiRoute(createQuoteOperation, async ({ scope, body }) => createQuote(scope, body));
