/** The server's VAPID identity: the key pair push services check our messages against, and a contact for them. */
export type VapidConfig = { publicKey: string; privateKey: string; subject: string };

/**
 * VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT (a mailto: or https: contact) from the environment; null when
 * any is missing, and web push is then simply unavailable (`npm run push:keys` prints a new pair).
 */
export function vapidConfig(env: Record<string, string | undefined> = process.env): VapidConfig | null {
  const publicKey = env.VAPID_PUBLIC_KEY?.trim();
  const privateKey = env.VAPID_PRIVATE_KEY?.trim();
  const subject = env.VAPID_SUBJECT?.trim();
  if (!publicKey || !privateKey || !subject || !/^(mailto:|https:\/\/)/.test(subject)) return null;
  return { publicKey, privateKey, subject };
}

/** Whether endpoints on this machine or the local network may be subscribed (tests against a local push service only). */
export function localEndpointsAllowed(env: Record<string, string | undefined> = process.env): boolean {
  return /^(1|on|true)$/i.test(env.PUSH_ALLOW_LOCAL_ENDPOINTS?.trim() ?? "");
}
