import type { ComponentProps } from "react";
import { CURRENCY_CODES, currencyName } from "@/lib/currency/browser";
import { Field } from "./field";

const LIST_ID = "iso-currencies";

/** A currency input that suggests the ISO 4217 codes as the user types ("eu" → EUR — Euro); the schema checks the code. */
export function CurrencyField(props: ComponentProps<typeof Field>) {
  return (
    <>
      <Field autoComplete="off" maxLength={3} spellCheck={false} list={LIST_ID} {...props} />
      <datalist id={LIST_ID}>
        {CURRENCY_CODES.map((code) => (
          <option key={code} value={code}>
            {currencyName(code)}
          </option>
        ))}
      </datalist>
    </>
  );
}
