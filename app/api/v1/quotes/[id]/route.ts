import { apiRoute } from "@/lib/http/api-route";
import { deleteQuoteOperation, getQuoteOperation, updateQuoteOperation } from "@/lib/quotes/operations";
import { deleteQuote, getQuote, updateQuote } from "@/lib/quotes/service";

export const GET = apiRoute(getQuoteOperation, async ({ scope, params }) => getQuote(scope, params.id));

export const PUT = apiRoute(updateQuoteOperation, async ({ scope, params, body }) => updateQuote(scope, params.id, body));

export const DELETE = apiRoute(deleteQuoteOperation, async ({ scope, params }) => deleteQuote(scope, params.id));
