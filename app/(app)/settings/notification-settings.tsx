import { requirePageScope } from "@/lib/auth";
import { CATEGORY_LABELS } from "@/lib/email";
import { channelMatrix } from "@/lib/notification-preferences";
import { getMe } from "@/lib/users";
import { ChannelMatrixForm } from "@/components/notifications/channel-matrix-form";
import { DeliveryTimeForm } from "@/components/notifications/delivery-time-form";
import { saveDeliveryTimeAction, saveNotificationPreferencesAction } from "./actions";

/** How and when the user hears about things: the category × channel matrix, then time zone and quiet hours. */
export async function NotificationSettings() {
  const scope = await requirePageScope();
  const [matrix, me] = await Promise.all([channelMatrix(scope.userId), getMe(scope)]);
  const rows = matrix.map((row) => ({ ...row, ...CATEGORY_LABELS[row.category] }));
  return (
    <>
      <section id="email-preferences" className="rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="notifications-heading">
        <h2 id="notifications-heading" className="text-base font-semibold">
          Notifications
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Choose where each kind of notification reaches you. A daily digest is one email at 08:00 in your time zone with everything of
          those kinds not yet emailed. Critical notifications are always shown and emailed at once, unless their email is off.
        </p>
        <ChannelMatrixForm rows={rows} save={saveNotificationPreferencesAction} />
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="delivery-time-heading">
        <h2 id="delivery-time-heading" className="text-base font-semibold">
          Time zone and quiet hours
        </h2>
        <DeliveryTimeForm timezone={me.timezone} quietHours={me.quiet_hours} save={saveDeliveryTimeAction} />
      </section>
    </>
  );
}
