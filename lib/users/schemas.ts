import { z } from "zod";
import { currencyInput } from "@/lib/currency/browser";
import { UserRole } from "@/lib/generated/prisma/enums";
import { isTimeZone, parseClockTime } from "@/lib/notification-preferences/browser";

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

const clockTime = z
  .string()
  .refine((value) => parseClockTime(value) !== null, "must be a time HH:MM (00:00–23:59)")
  .meta({ example: "22:00" });

const quietHours = z
  .object({ start: clockTime, end: clockTime })
  .strict()
  .refine((q) => q.start !== q.end, { message: "must end at another time than it starts", path: ["end"] })
  .meta({ id: "QuietHours", description: "Local times; a start after the end spans midnight (22:00–07:00)." });

const timezone = z
  .string()
  .refine(isTimeZone, "must be an IANA time zone such as Europe/Berlin")
  .meta({ description: "IANA time zone for quiet hours and the 08:00 daily digest.", example: "Europe/Berlin" });

export const meOut = userOut
  .extend({ timezone: z.string(), quiet_hours: quietHours.nullable() })
  .meta({ id: "Me", description: "The current user with the time zone and quiet hours their notifications follow." });

export const updateMeBody = z
  .object({ name: personName.optional(), timezone: timezone.optional(), quiet_hours: quietHours.nullable().optional() })
  .strict()
  .meta({
    id: "UpdateMeRequest",
    description: "Email and push due in quiet hours wait until they end (critical notifications excepted). null turns quiet hours off.",
    example: { timezone: "Europe/Berlin", quiet_hours: { start: "22:00", end: "07:00" } },
  });

export type MeOut = z.infer<typeof meOut>;
export type UpdateMeBody = z.output<typeof updateMeBody>;

export const userListOut = z.object({ items: z.array(userOut) }).meta({ id: "UserList" });

export type UserOut = z.infer<typeof userOut>;
