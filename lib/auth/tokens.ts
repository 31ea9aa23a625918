import { createHash, randomBytes } from "node:crypto";
import type { ApiCredentialKind, UserRole } from "@/lib/generated/prisma/enums";
import { db, Prisma, queryRows } from "@/lib/db";
import { systemClock, type Clock } from "@/lib/clock";
import { NotFoundError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";

/** Lifetime of the access tokens handed out by POST /auth/token. */
export const ACCESS_TOKEN_TTL_SECONDS = 60 * 60;

const PREFIX: Record<ApiCredentialKind, string> = { ACCESS_TOKEN: "oqa_", PERSONAL_TOKEN: "oqp_" };

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type IssuedToken = { token: string; id: string; expiresAt: Date | null };

/** Creates a bearer token for a user; only its hash is stored, so the token is returned once. */
export async function issueToken(scope: Scope, kind: ApiCredentialKind, name: string, expiresAt: Date | null): Promise<IssuedToken> {
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

type BearerRow = {
  id: string;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  user_id: string;
  tenant_id: string;
  role: UserRole;
  is_active: boolean;
};

/** The credential of a token hash joined to its user: the one statement of a bearer-token check. */
function bearerLookupSql(tokenHash: string): Prisma.Sql {
  return Prisma.sql`
    SELECT c.id, c.expires_at, c.revoked_at, c.last_used_at, u.id AS user_id, u.tenant_id, u.role::text AS role, u.is_active
    FROM api_credentials c JOIN users u ON u.id = c.user_id
    WHERE c.token_hash = ${tokenHash}`;
}

/**
 * The scope of a bearer token: unknown, revoked or expired tokens, and tokens of deactivated users, give null.
 * Every API request asks this, so it is one statement (credential joined to its user) on the token hash's unique
 * index; `last_used_at` is refreshed at most once a minute.
 */
export async function scopeFromBearer(token: string, clock: Clock = systemClock): Promise<Scope | null> {
  const now = clock();
  const [credential] = await queryRows<BearerRow>(bearerLookupSql(hashToken(token)));
  if (!credential || credential.revoked_at || !credential.is_active) return null;
  if (credential.expires_at && credential.expires_at <= now) return null;
  if (!credential.last_used_at || now.getTime() - credential.last_used_at.getTime() > 60_000) {
    void db()
      .apiCredential.update({ where: { id: credential.id }, data: { lastUsedAt: now } })
      .catch(() => undefined);
  }
  return { tenantId: credential.tenant_id, userId: credential.user_id, role: credential.role };
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
