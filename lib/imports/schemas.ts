import { z } from "zod";

export const IMPORT_ENTITIES = ["opportunities", "clients"] as const;

export const importIdParams = z.object({ id: z.uuid() });

/** The upload's parts, for the OpenAPI document (the file is read as it streams, not through this schema). */
export const importUploadForm = z
  .object({
    file: z.string().meta({ format: "binary", description: "A CSV (UTF-8; a byte-order mark is fine) or XLSX file, up to 50,000 rows." }),
    entity: z.enum(IMPORT_ENTITIES).meta({ description: "What the rows are." }),
    mapping: z
      .string()
      .optional()
      .meta({
        description:
          'A JSON object field → the file\'s header (or null: not in the file), e.g. {"estimated_value":"Amount"}. ' +
          "Fields left out are matched to headers by name, case-insensitively.",
      }),
    create_clients: z
      .enum(["true", "false"])
      .optional()
      .meta({ description: "Opportunities: create clients the file names but the company lacks." }),
  })
  .meta({ id: "ImportUpload" });

/** The text fields of the upload, checked once the body is read. */
export const importFields = z.object({
  entity: z.enum(IMPORT_ENTITIES, { message: "must be opportunities or clients" }),
  mapping: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text.trim() === "") return {};
      try {
        const parsed = z.record(z.string(), z.string().max(200).nullable()).safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
      } catch {
        // reported below
      }
      ctx.addIssue({ code: "custom", message: "must be a JSON object of field → header (or null)" });
      return z.NEVER;
    }),
  create_clients: z
    .enum(["true", "false"], { message: "must be true or false" })
    .optional()
    .transform((value) => value === "true"),
});

export const importOut = z
  .object({
    id: z.uuid(),
    entity: z.enum(IMPORT_ENTITIES),
    status: z.enum(["READY", "COMMITTING", "COMMITTED", "FAILED"]).meta({
      description:
        "READY: checked (the dry run), nothing written yet; COMMITTING: writing (a commit silent for 5 minutes was interrupted and turns FAILED); COMMITTED: written; FAILED: the commit wrote nothing (see `failure`) and may be committed again.",
    }),
    file_name: z.string(),
    headers: z.array(z.string()).meta({ description: "The file's header row." }),
    fields: z
      .array(z.object({ name: z.string(), required: z.boolean() }))
      .meta({ description: "The fields an import of this entity reads." }),
    mapping: z.record(z.string(), z.string().nullable()).meta({ description: "Field → the header it is read from (null: none)." }),
    create_clients: z.boolean(),
    total_rows: z.number().int(),
    valid_rows: z.number().int(),
    error_count: z.number().int(),
    errors: z
      .array(
        z.object({
          row: z.number().int().meta({ description: "The spreadsheet's row number (the header is row 1)." }),
          field: z.string(),
          column: z.string().nullable().meta({ description: "The file's header of that field (null: the field has no column)." }),
          message: z.string(),
        }),
      )
      .meta({ description: "The first 1000 errors, by row and column." }),
    processed_rows: z.number().int().meta({ description: "Rows written so far by the commit (its progress)." }),
    committed_count: z.number().int(),
    failure: z.string().nullable(),
    created_at: z.iso.datetime(),
    committed_at: z.iso.datetime().nullable(),
  })
  .meta({ id: "Import" });

export type ImportOut = z.infer<typeof importOut>;
export type ImportError = ImportOut["errors"][number];
