import { getExchangeRatesOperation, putExchangeRatesOperation } from "@/lib/currency";
import { apiRoute } from "@/lib/http";
import { getExchangeRates, setExchangeRates } from "@/lib/opportunities";

export const GET = apiRoute(getExchangeRatesOperation, ({ scope }) => getExchangeRates(scope));

export const PUT = apiRoute(putExchangeRatesOperation, ({ scope, body }) => setExchangeRates(scope, body.rates));
