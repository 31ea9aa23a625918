"use server";

import { unsubscribe } from "@/lib/email/preferences";
import { NotFoundError } from "@/lib/errors";

export type UnsubscribeState = { done?: boolean; error?: string };

/** The confirmation page's button: the same one-click unsubscribe as POST /api/v1/email/unsubscribe. */
export async function unsubscribeAction(_prev: UnsubscribeState, form: FormData): Promise<UnsubscribeState> {
  const token = form.get("token");
  try {
    await unsubscribe(typeof token === "string" ? token : "");
    return { done: true };
  } catch (error) {
    if (error instanceof NotFoundError) return { error: "This unsubscribe link is not valid." };
    throw error;
  }
}
