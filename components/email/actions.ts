"use server";

import { revalidatePath } from "next/cache";
import { requirePageScope } from "@/lib/auth/page-scope";
import { EMAIL_CATEGORIES } from "@/lib/email/categories";
import { updateEmailPreferences } from "@/lib/email/preferences";

export type EmailPreferencesState = { saved?: boolean };

/** The settings form: every category listed, the checked ones (`enabled`) on, the others off. */
export async function saveEmailPreferencesAction(_prev: EmailPreferencesState, form: FormData): Promise<EmailPreferencesState> {
  const scope = await requirePageScope();
  const checked = new Set(form.getAll("enabled").filter((value): value is string => typeof value === "string"));
  await updateEmailPreferences(
    scope,
    EMAIL_CATEGORIES.map((category) => ({ category, enabled: checked.has(category) })),
  );
  revalidatePath("/settings");
  return { saved: true };
}
