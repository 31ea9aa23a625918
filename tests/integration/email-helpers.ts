/** The Resend stand-in (tests/helpers/resend-recorder.ts) and helpers of the email tests. */
import { db } from "@/lib/db/prisma";
import { createNotificationRows, type NewNotification } from "@/lib/notifications";
import type { TestUser } from "../helpers/fixtures";
import type { ResendRecorder } from "../helpers/resend-recorder";

export { startResendRecorder, type Failure, type RecordedRequest, type ResendRecorder } from "../helpers/resend-recorder";

/** Points the email module at the recorder (Resend transport) with a known sender and app URL. */
export function useResend(recorder: ResendRecorder) {
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = recorder.url;
  process.env.FROM_EMAIL = "alerts@onquota.test";
  process.env.FROM_NAME = "OnQuota Alerts";
  process.env.APP_URL = "https://crm.onquota.test";
}

export function useOutbox() {
  delete process.env.RESEND_API_KEY;
  process.env.FROM_EMAIL = "alerts@onquota.test";
  process.env.FROM_NAME = "OnQuota Alerts";
  process.env.APP_URL = "https://crm.onquota.test";
}

/** Notifications for a user with an email requested, as the scheduled checks and POST /notifications create them. */
export async function notificationsFor(user: TestUser, count = 1, extra: Partial<NewNotification> = {}) {
  const rows = await createNotificationRows(
    Array.from({ length: count }, (_, i) => ({
      tenantId: user.tenantId,
      userId: user.userId,
      title: `Quote Q-${i + 1} expires soon`,
      message: `Quote Q-${i + 1} for Acme expires tomorrow.`,
      type: "WARNING" as const,
      category: "QUOTE" as const,
      actionUrl: "/quotes",
      actionLabel: "View quotes",
      emailRequested: true,
      ...extra,
    })),
  );
  return rows.map((row) => row.id);
}

export function emailState(id: string) {
  return db().notification.findUniqueOrThrow({
    where: { id },
    select: {
      emailSent: true,
      emailSentAt: true,
      emailError: true,
      emailRequested: true,
      emailAttempts: true,
      emailNextAttemptAt: true,
      isDeleted: true,
    },
  });
}
