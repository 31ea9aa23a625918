"use server";

import { unsubscribe } from "@/lib/email";
import { NotFoundError } from "@/lib/errors";
import { actionFailure, type ActionResult, actionSuccess } from "@/lib/http";

/** The confirmation page's button: the same one-click unsubscribe as POST /api/v1/email/unsubscribe. */
export async function unsubscribeAction(prev: ActionResult, form: FormData): Promise<ActionResult> {
  const token = form.get("token");
  try {
    await unsubscribe(typeof token === "string" ? token : "");
    return actionSuccess(prev);
  } catch (error) {
    if (error instanceof NotFoundError) return actionFailure(prev, { message: "This unsubscribe link is not valid." });
    throw error;
  }
}
