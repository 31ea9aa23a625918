import { randomBytes } from "node:crypto";

/** Standard Webhooks' secret format: `whsec_` and the base64 of the key (24 to 64 bytes). */
export const SECRET_PATTERN = /^whsec_(?=(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$)[A-Za-z0-9+/=]{32,88}$/;

/** A new signing secret: 32 random bytes. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}
