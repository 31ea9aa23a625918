import { z } from "zod";
import { pageSchema, paginationQuery } from "@/lib/http";

/** Optional text: an empty string (as a blank form field sends) means "none". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => v || null)
    .nullable()
    .optional();

const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, "must be at most 320 characters")
  .pipe(z.union([z.literal(""), z.email({ message: "must be a valid email address" })]))
  .transform((v) => v || null)
  .nullable()
  .optional();

const clientName = z.string().trim().min(1, "is required").max(200, "must be at most 200 characters");

const clientFields = {
  name: clientName,
  email: optionalEmail,
  phone: optionalText(50),
  company: optionalText(200),
};

export const createClientBody = z
  .object(clientFields)
  .strict()
  .meta({
    id: "CreateClientRequest",
    example: { name: "Globex", email: "buyer@globex.test", phone: "+1 555 0100", company: "Globex Corporation" },
  });

export const updateClientBody = z
  .object({ ...clientFields, name: clientName.optional() })
  .strict()
  .meta({ id: "UpdateClientRequest", example: { phone: "+1 555 0199" } });

export const clientIdParams = z.object({ id: z.uuid() });

export const clientListQuery = paginationQuery.extend({
  q: z.string().trim().max(200, "must be at most 200 characters").optional().meta({
    description: "Case-insensitive text contained in the name, company or email.",
  }),
});

export const clientOut = z
  .object({
    id: z.uuid(),
    tenant_id: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    company: z.string().nullable(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: "Client" });

export const clientListOut = pageSchema(clientOut).meta({ id: "ClientList" });

export type CreateClientInput = z.output<typeof createClientBody>;
export type UpdateClientInput = z.output<typeof updateClientBody>;
export type ClientListQuery = z.output<typeof clientListQuery>;
export type ClientOut = z.infer<typeof clientOut>;
