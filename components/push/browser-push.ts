import { applicationServerKey, PUSH_SUBSCRIPTIONS_PATH, SERVICE_WORKER_PATH } from "@/lib/push/browser";
import { readProblem } from "@/components/ui/problem";

/** What this browser can do about desktop notifications. */
export type PushSupport = "unsupported" | "denied" | "available";

export function pushSupport(): PushSupport {
  if (typeof window === "undefined" || !("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window))
    return "unsupported";
  return Notification.permission === "denied" ? "denied" : "available";
}

/** This browser's push subscription for OnQuota, if it has one. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration("/");
  return (await registration?.pushManager.getSubscription()) ?? null;
}

async function send(method: "POST" | "DELETE", body: unknown): Promise<void> {
  const response = await fetch(PUSH_SUBSCRIPTIONS_PATH, {
    method,
    credentials: "same-origin",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await readProblem(response);
}

/**
 * Asks for permission, registers the service worker, subscribes with the server's key and registers the subscription
 * with OnQuota. Returns "denied" when the user (or the browser) refuses permission.
 */
export async function turnPushOn(publicKey: string): Promise<"on" | "denied" | "dismissed"> {
  const permission = await Notification.requestPermission();
  if (permission === "denied") return "denied";
  if (permission !== "granted") return "dismissed";
  const registration = await navigator.serviceWorker.register(SERVICE_WORKER_PATH, { scope: "/" });
  await navigator.serviceWorker.ready;
  const key = applicationServerKey(publicKey);
  let subscription = await registration.pushManager.getSubscription();
  if (subscription && !sameKey(subscription, key)) {
    // Subscribed under an older server key: that subscription can no longer receive anything.
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  await send("POST", subscription.toJSON());
  return "on";
}

/** Forgets this browser at OnQuota, then unsubscribes it at its push service. */
export async function turnPushOff(): Promise<void> {
  const subscription = await currentSubscription();
  if (!subscription) return;
  try {
    await send("DELETE", { endpoint: subscription.endpoint });
  } catch (error) {
    // Already forgotten (another sign-in took this browser over): unsubscribing is still what the user asked for.
    if (!(error instanceof Error && "status" in error && error.status === 404)) throw error;
  }
  await subscription.unsubscribe();
}

function sameKey(subscription: PushSubscription, key: Uint8Array): boolean {
  const current = subscription.options.applicationServerKey;
  if (!current) return false;
  const bytes = new Uint8Array(current);
  return bytes.length === key.length && bytes.every((byte, i) => byte === key[i]);
}
