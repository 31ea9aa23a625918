import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth";
import { NotificationCategory } from "@/lib/generated/prisma/enums";

export type UnsubscribeClaim = { userId: string; category: NotificationCategory };

/** Keeps these signatures apart from anything else signed with the same secret. */
const PURPOSE = "onquota:email-unsubscribe:v1";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CATEGORIES = new Set<string>(Object.values(NotificationCategory));

function signature(claim: UnsubscribeClaim, secret: string): Buffer {
  return createHmac("sha256", secret).update(`${PURPOSE}:${claim.userId}:${claim.category}`).digest();
}

/**
 * `<user id>.<category>.<HMAC-SHA256, base64url>`: it needs no login and does not expire (an old email's link
 * must keep working), and it can only ever turn one category of one user's email off.
 */
export function signUnsubscribeToken(claim: UnsubscribeClaim, secret: string = authSecret()): string {
  return `${claim.userId}.${claim.category}.${signature(claim, secret).toString("base64url")}`;
}

/** The claim of a genuine token; null for anything malformed or tampered with. */
export function verifyUnsubscribeToken(token: string, secret: string = authSecret()): UnsubscribeClaim | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [userId, category, mac] = parts as [string, string, string];
  if (!UUID.test(userId) || !CATEGORIES.has(category) || !/^[A-Za-z0-9_-]{43}$/.test(mac)) return null;
  const claim = { userId, category: category as NotificationCategory };
  // Compared as text: two base64url strings may decode to the same bytes, only the canonical one is genuine.
  return timingSafeEqual(Buffer.from(mac), Buffer.from(signature(claim, secret).toString("base64url"))) ? claim : null;
}
