import { z } from "zod";
import { defineOperation } from "@/lib/http";
import { exchangeRatesOut, importExchangeRatesQuery, putExchangeRatesBody } from "./schemas";

const tags = ["Exchange rates"];

export const getExchangeRatesOperation = defineOperation({
  id: "getExchangeRates",
  method: "GET",
  path: "/exchange-rates",
  summary: "The company's exchange rates to its base currency: today's and every one entered",
  tags,
  response: exchangeRatesOut,
});

export const putExchangeRatesOperation = defineOperation({
  id: "putExchangeRates",
  method: "PUT",
  path: "/exchange-rates",
  summary: "Add or replace exchange rates (admins); open deals in those currencies are restated at once",
  tags,
  roles: ["ADMIN"],
  body: putExchangeRatesBody,
  response: exchangeRatesOut,
  errors: [403],
});

export const importExchangeRatesOperation = defineOperation({
  id: "importExchangeRates",
  method: "POST",
  path: "/exchange-rates/import",
  summary: "Load exchange rates from an ECB reference-rates XML or a CSV file (admins): all rows or none",
  description:
    "The body is the file: the ECB's eurofxref XML (daily or historical; converted to the base currency) or a CSV with the " +
    "header `currency,rate,effective_from`. Any bad row fails the whole file with its errors by row and column.",
  tags,
  roles: ["ADMIN"],
  textBody: { contentTypes: ["text/csv", "application/xml", "text/xml"] },
  body: z
    .string()
    .max(10 * 1024 * 1024)
    .meta({ description: "The file's text." }),
  query: importExchangeRatesQuery,
  response: exchangeRatesOut,
  errors: [403, 413],
});

export const currencyOperations = [getExchangeRatesOperation, putExchangeRatesOperation, importExchangeRatesOperation];
