import { importExchangeRatesOperation } from "@/lib/currency";
import { apiRoute } from "@/lib/http";
import { importExchangeRates } from "@/lib/opportunities";

export const POST = apiRoute(importExchangeRatesOperation, ({ scope, body, query }) => importExchangeRates(scope, body, query.format));
