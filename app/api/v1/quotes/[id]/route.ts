import { apiRoute } from "@/lib/http";
import { deleteQuote, deleteQuoteOperation, getQuote, getQuoteOperation, updateQuote, updateQuoteOperation } from "@/lib/quotes";

export const GET = apiRoute(getQuoteOperation, async ({ scope, params }) => getQuote(scope, params.id));

export const PUT = apiRoute(updateQuoteOperation, async ({ scope, params, body }) => updateQuote(scope, params.id, body));

export const DELETE = apiRoute(deleteQuoteOperation, async ({ scope, params }) => deleteQuote(scope, params.id));
