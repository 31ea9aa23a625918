"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { addDays } from "@/lib/clock";
import { requirePageScope } from "@/lib/auth/page-scope";
import { createPersonalTokenInput } from "@/lib/auth/personal-token-schemas";
import { issueToken, revokePersonalToken } from "@/lib/auth/tokens";
import { parseInput } from "@/lib/http/parse-input";

export type CreateTokenState = { token?: string; name?: string; fieldErrors?: Record<string, string> };

export async function createPersonalTokenAction(_prev: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  const scope = await requirePageScope();
  const parsed = parseInput(createPersonalTokenInput, Object.fromEntries(form));
  if (!parsed.success) {
    return { fieldErrors: Object.fromEntries(parsed.errors.map((e) => [e.field, e.message])) };
  }
  const { name, expires_in_days } = parsed.data;
  const expiresAt = expires_in_days === "never" ? null : addDays(new Date(), Number(expires_in_days));
  const { token } = await issueToken(scope, "PERSONAL_TOKEN", name, expiresAt);
  revalidatePath("/settings");
  return { token, name };
}

export async function revokePersonalTokenAction(form: FormData): Promise<void> {
  const scope = await requirePageScope();
  const id = z.uuid().safeParse(form.get("id"));
  if (id.success) await revokePersonalToken(scope, id.data);
  revalidatePath("/settings");
}
