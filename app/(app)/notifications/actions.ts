"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requirePageScope } from "@/lib/auth";
import { NotFoundError } from "@/lib/errors";
import {
  actionUrlSchema,
  deleteNotification,
  markAllNotificationsRead,
  markNotificationRead,
  markNotificationUnread,
} from "@/lib/notifications";

const idOf = (form: FormData) => z.uuid().safeParse(form.get("id")).data;

/** A notification that vanished meanwhile (deleted in another tab) is simply gone from the list. */
async function ignoringMissing<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

export async function markReadAction(form: FormData): Promise<void> {
  const scope = await requirePageScope();
  const id = idOf(form);
  if (id) await ignoringMissing(() => markNotificationRead(scope, id));
  revalidatePath("/notifications");
}

export async function markUnreadAction(form: FormData): Promise<void> {
  const scope = await requirePageScope();
  const id = idOf(form);
  if (id) await ignoringMissing(() => markNotificationUnread(scope, id));
  revalidatePath("/notifications");
}

/** Marks the notification read and follows its link (read from the notification, never from the form). */
export async function openNotificationAction(form: FormData): Promise<void> {
  const scope = await requirePageScope();
  const id = idOf(form);
  const notification = id ? await ignoringMissing(() => markNotificationRead(scope, id)) : undefined;
  revalidatePath("/notifications");
  const target = actionUrlSchema.safeParse(notification?.action_url);
  if (target.success) redirect(target.data);
}

export async function deleteNotificationAction(form: FormData): Promise<void> {
  const scope = await requirePageScope();
  const id = idOf(form);
  if (id) await ignoringMissing(() => deleteNotification(scope, id));
  revalidatePath("/notifications");
}

export async function markAllReadAction(): Promise<void> {
  const scope = await requirePageScope();
  await markAllNotificationsRead(scope);
  revalidatePath("/notifications");
}
