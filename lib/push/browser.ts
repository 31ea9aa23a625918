/** What client components may use of web push (no database): the routes and the key conversion browsers need. */
export const PUSH_PUBLIC_KEY_PATH = "/api/v1/push/public-key";
export const PUSH_SUBSCRIPTIONS_PATH = "/api/v1/push-subscriptions";
export const SERVICE_WORKER_PATH = "/sw.js";

/** A base64url VAPID key as the bytes `pushManager.subscribe` takes as applicationServerKey. */
export function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url
    .replace(/-/g, "+")
    .replace(/_/g, "/")
    .padEnd(Math.ceil(base64url.length / 4) * 4, "=");
  const text = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
