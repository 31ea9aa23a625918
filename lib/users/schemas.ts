import { z } from "zod";
import { currencyInput } from "@/lib/currency/browser";
import { UserRole } from "@/lib/generated/prisma/enums";

export const roleSchema = z.enum(UserRole).meta({ id: "UserRole" });

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .pipe(z.email({ message: "must be a valid email address" }));
const password = z.string().min(8, "must be at least 8 characters").max(200, "must be at most 200 characters");
const personName = z.string().trim().min(1, "is required").max(200, "must be at most 200 characters");

export const registerBody = z
  .object({
    company_name: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters"),
    name: personName,
    email,
    password,
    base_currency: currencyInput.optional().meta({ description: "The currency every total is in (ISO 4217); USD when omitted." }),
  })
  .strict()
  .meta({
    id: "RegisterRequest",
    example: { company_name: "Acme Inc", name: "Ada Admin", email: "ada@acme.test", password: "correct horse battery" },
  });

export const tokenBody = z
  .object({ email, password: z.string().min(1, "is required").max(200) })
  .strict()
  .meta({ id: "TokenRequest", example: { email: "ada@acme.test", password: "correct horse battery" } });

export const createUserBody = z
  .object({ name: personName, email, role: roleSchema, password })
  .strict()
  .meta({ id: "CreateUserRequest", example: { name: "Sam Rep", email: "sam@acme.test", role: "SALES_REP", password: "a long password" } });

export const updateUserBody = z
  .object({ name: personName.optional(), role: roleSchema.optional(), is_active: z.boolean().optional() })
  .strict()
  .meta({ id: "UpdateUserRequest", example: { is_active: false } });

export const userIdParams = z.object({ id: z.uuid() });

export const userOut = z
  .object({
    id: z.uuid(),
    tenant_id: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: roleSchema,
    is_active: z.boolean(),
  })
  .meta({ id: "User" });

export const tokenOut = z
  .object({
    access_token: z.string(),
    token_type: z.literal("Bearer"),
    expires_in: z.number().int(),
    user: userOut,
  })
  .meta({ id: "TokenResponse" });

export const userListOut = z.object({ items: z.array(userOut) }).meta({ id: "UserList" });

export type UserOut = z.infer<typeof userOut>;
