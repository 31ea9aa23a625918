import { deliverNotificationEmails } from "@/lib/email";
import { apiRoute } from "@/lib/http";
import { createNotificationsOperation, listNotificationsOperation, listNotificationPage, sendNotifications } from "@/lib/notifications";

export const GET = apiRoute(listNotificationsOperation, async ({ scope, query }) => listNotificationPage(scope, query));

export const POST = apiRoute(createNotificationsOperation, async ({ scope, body }) => {
  const { created, rows } = await sendNotifications(scope, body);
  if (body.send_email) await deliverNotificationEmails(rows.map((row) => row.id));
  return { created };
});
