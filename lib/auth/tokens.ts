import { createHash, randomBytes } from "node:crypto";
import type { ApiCredentialKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/prisma";
import { systemClock, type Clock } from "@/lib/clock";
import { NotFoundError } from "@/lib/errors";
import type { Scope } from "./scope";

/** Lifetime of the access tokens handed out by POST /auth/token. */
export const ACCESS_TOKEN_TTL_SECONDS = 60 * 60;

const PREFIX: Record<ApiCredentialKind, string> = { ACCESS_TOKEN: "oqa_", PERSONAL_TOKEN: "oqp_" };

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type IssuedToken = { token: string; id: string; expiresAt: Date | null };

/** Creates a bearer token for a user; only its hash is stored, so the token is returned once. */
export async function issueToken(
  scope: Scope,
  kind: ApiCredentialKind,
  name: string,
  expiresAt: Date | null,
): Promise<IssuedToken> {
  const token = PREFIX[kind] + randomBytes(32).toString("base64url");
  const row = await db().apiCredential.create({
    data: {
      tenantId: scope.tenantId,
      userId: scope.userId,
      kind,
      name,
      tokenHash: hashToken(token),
      tokenHint: token.slice(0, 4) + "…" + token.slice(-4),
      expiresAt,
    },
    select: { id: true },
  });
  return { token, id: row.id, expiresAt };
}

export function issueAccessToken(scope: Scope, clock: Clock = systemClock): Promise<IssuedToken> {
  const expiresAt = new Date(clock().getTime() + ACCESS_TOKEN_TTL_SECONDS * 1000);
  return issueToken(scope, "ACCESS_TOKEN", "API access token", expiresAt);
}

/**
 * The scope of a bearer token: unknown, revoked or expired tokens, and tokens of deactivated users, give null.
 * One indexed lookup; `last_used_at` is refreshed at most once a minute.
 */
export async function scopeFromBearer(token: string, clock: Clock = systemClock): Promise<Scope | null> {
  const now = clock();
  const credential = await db().apiCredential.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, tenantId: true, role: true, isActive: true } },
    },
  });
  if (!credential || credential.revokedAt || !credential.user.isActive) return null;
  if (credential.expiresAt && credential.expiresAt <= now) return null;
  if (!credential.lastUsedAt || now.getTime() - credential.lastUsedAt.getTime() > 60_000) {
    void db()
      .apiCredential.update({ where: { id: credential.id }, data: { lastUsedAt: now } })
      .catch(() => undefined);
  }
  const { user } = credential;
  return { tenantId: user.tenantId, userId: user.id, role: user.role };
}

export type PersonalTokenSummary = {
  id: string;
  name: string;
  tokenHint: string;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
};

export function listPersonalTokens(scope: Scope): Promise<PersonalTokenSummary[]> {
  return db().apiCredential.findMany({
    where: { tenantId: scope.tenantId, userId: scope.userId, kind: "PERSONAL_TOKEN", revokedAt: null },
    select: { id: true, name: true, tokenHint: true, expiresAt: true, lastUsedAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokePersonalToken(scope: Scope, id: string, clock: Clock = systemClock): Promise<void> {
  const { count } = await db().apiCredential.updateMany({
    where: { id, tenantId: scope.tenantId, userId: scope.userId, kind: "PERSONAL_TOKEN", revokedAt: null },
    data: { revokedAt: clock() },
  });
  if (count === 0) throw new NotFoundError("Token");
}

/** Used when a user is deactivated: every token of theirs stops working at once. */
export async function revokeAllTokensOfUser(tenantId: string, userId: string, clock: Clock = systemClock) {
  await db().apiCredential.updateMany({
    where: { tenantId, userId, revokedAt: null },
    data: { revokedAt: clock() },
  });
}
