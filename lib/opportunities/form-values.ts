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

const OPTIONAL: readonly FormField[] = ["description", "currency", "probability", "stage", "assigned_to"];

/**
 * Optional fields left empty are not sent (the API's defaults apply; an emptied description clears it on update);
 * an empty required field is sent empty so the schema reports it.
 */
export function requestBody(values: Partial<OpportunityFormValues>, mode: "create" | "update"): Record<string, string | null> {
  const body: Record<string, string | null> = {};
  for (const field of FORM_FIELDS) {
    const value: unknown = values[field];
    if (typeof value !== "string") continue;
    const text = field === "currency" ? value.trim().toUpperCase() : value;
    if (text.trim() === "" && OPTIONAL.includes(field)) {
      if (field === "description" && mode === "update") body[field] = null;
      continue;
    }
    body[field] = text;
  }
  return body;
}

/** A required field left empty gets "is required" rather than the schema's format message. */
export function requiredMessage(field: string, message: string, values: Partial<OpportunityFormValues>): string {
  const value: unknown = isFormField(field) ? values[field] : undefined;
  return typeof value === "string" && value.trim() === "" ? "is required" : message;
}

/** Only the fields the user changed: a partial update leaves everything else as it is. */
export function changedValues(
  values: OpportunityFormValues,
  dirty: Partial<Record<FormField, boolean | undefined>>,
): Partial<OpportunityFormValues> {
  const changed: Partial<OpportunityFormValues> = {};
  for (const field of FORM_FIELDS) if (dirty[field]) changed[field] = values[field];
  return changed;
}
