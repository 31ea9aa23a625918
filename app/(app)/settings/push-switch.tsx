import { requirePageScope } from "@/lib/auth";
import { pushEndpointsOf, pushPublicKeyOrNull } from "@/lib/push";
import { PushSwitchControl } from "@/components/push/push-switch-control";

/** The settings section where a user turns desktop notifications on or off for the browser they are using. */
export async function PushSwitch() {
  const scope = await requirePageScope();
  const publicKey = pushPublicKeyOrNull();
  const endpoints = publicKey ? await pushEndpointsOf(scope) : [];
  return (
    <section
      id="desktop-notifications"
      className="rounded-xl border border-slate-200 bg-white p-5"
      aria-labelledby="desktop-notifications-heading"
    >
      <h2 id="desktop-notifications-heading" className="text-base font-semibold">
        Desktop notifications
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Your notifications pop up on this computer as they arrive. Quiet hours and the push setting of each category apply.
      </p>
      {publicKey ? (
        <PushSwitchControl publicKey={publicKey} endpoints={endpoints} />
      ) : (
        <p className="mt-3 text-sm text-slate-600">
          Desktop notifications are not set up on this server: an administrator adds VAPID keys to turn them on.
        </p>
      )}
    </section>
  );
}
