/**
 * The opportunity form's values (all text, as typed) and the request bodies they make. The browser validates the
 * body with the API's own zod schema before sending; the server action parses it again with the same schema.
 */
export type OpportunityFormValues = {
  name: string;
  description: string;
  client_id: string;
  estimated_value: string;
  currency: string;
  probability: string;
  expected_close_date: string;
  stage: string;
  assigned_to: string;
};

export type FormField = keyof OpportunityFormValues;

export const FORM_FIELDS: readonly FormField[] = [
  "name",
  "description",
  "client_id",
  "estimated_value",
  "currency",
  "probability",
  "expected_close_date",
  "stage",
  "assigned_to",
];

export function isFormField(field: string): field is FormField {
  return (FORM_FIELDS as readonly string[]).includes(field);
}

/** Fields left empty are not sent (the API's defaults apply); an emptied description clears it on update. */
export function requestBody(values: Partial<OpportunityFormValues>, mode: "create" | "update"): Record<string, string | null> {
  const body: Record<string, string | null> = {};
  for (const field of FORM_FIELDS) {
    const value = values[field];
    if (value === undefined) continue;
    const text = field === "currency" ? value.trim().toUpperCase() : value;
    if (text.trim() === "") {
      if (field === "description" && mode === "update") body[field] = null;
      continue;
    }
    body[field] = text;
  }
  return body;
}

/** Only the fields the user changed: a partial update leaves everything else as it is. */
export function changedValues(values: OpportunityFormValues, dirty: Partial<Record<FormField, boolean | undefined>>): Partial<OpportunityFormValues> {
  const changed: Partial<OpportunityFormValues> = {};
  for (const field of FORM_FIELDS) if (dirty[field]) changed[field] = values[field];
  return changed;
}
