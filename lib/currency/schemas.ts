import { z } from "zod";
import { decimalInput } from "@/lib/money";
import { CURRENCY_CODES, isCurrencyCode } from "./codes";

/** An ISO 4217 code of a currency in circulation ("usd" reads as "USD"); "NaN", "XXX" and made-up codes are refused. */
export const currencyInput = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, "must be an ISO 4217 currency code, such as USD or EUR")
  .meta({ type: "string", enum: [...CURRENCY_CODES], description: "ISO 4217 currency code.", example: "EUR" });

/** Units of the base currency per 1 unit of the currency, up to 8 decimals, more than 0. */
export const rateInput = decimalInput({ scale: 8, integerDigits: 10, min: "0", exclusiveMin: true }).meta({
  description:
    "Units of the base currency per 1 unit of `currency`: a decimal as a string (a number is accepted), up to 8 decimals, more than 0",
  example: "1.08500000",
});

const isoDate = z.iso.date({ message: "must be a date YYYY-MM-DD" }).meta({ example: "2026-12-01" });

export const exchangeRateInput = z
  .object({ currency: currencyInput, rate: rateInput, effective_from: isoDate })
  .strict()
  .meta({ id: "ExchangeRateInput" });

export const putExchangeRatesBody = z
  .object({ rates: z.array(exchangeRateInput).min(1, "must list at least one rate").max(5000, "must list at most 5000 rates") })
  .strict()
  .meta({
    id: "PutExchangeRatesRequest",
    description: "Adds these rates; a rate of the same currency and day replaces the one there was.",
    example: { rates: [{ currency: "EUR", rate: "1.085", effective_from: "2026-12-01" }] },
  });

const rateOut = z.object({
  currency: z.string(),
  rate: z
    .string()
    .regex(/^\d+\.\d{8}$/)
    .meta({ example: "1.08500000" }),
  effective_from: z.iso.date(),
});

export const exchangeRatesOut = z
  .object({
    base_currency: z.string().meta({ description: "Every rate converts into this currency.", example: "USD" }),
    as_of: z.iso.date().meta({ description: "The day `current` is for (today, UTC)." }),
    current: z.array(rateOut).meta({ description: "The rate of each currency today (the latest effective on or before today)." }),
    history: z.array(rateOut).meta({ description: "Every rate entered, newest first per currency." }),
  })
  .meta({ id: "ExchangeRates" });

export const importExchangeRatesQuery = z.object({
  format: z.enum(["ecb", "csv"], { message: "must be ecb or csv" }).optional().meta({
    description: "ecb: the ECB euro reference-rates XML; csv: currency,rate,effective_from. Guessed from the file when omitted.",
  }),
});

export type ExchangeRateInput = z.output<typeof exchangeRateInput>;
export type ExchangeRatesOut = z.infer<typeof exchangeRatesOut>;
