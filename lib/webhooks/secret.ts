import { randomBytes } from "node:crypto";

/** A new signing secret: 32 random bytes. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}
