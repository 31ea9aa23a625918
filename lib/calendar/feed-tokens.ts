import { createHash, randomBytes } from "node:crypto";
import { systemClock, type Clock } from "@/lib/clock";
import { db, queryRows, Prisma } from "@/lib/db";
import type { UserRole } from "@/lib/generated/prisma/enums";
import type { Scope } from "@/lib/scope";
import type { CalendarFeedOut, IssuedCalendarFeedOut } from "./schemas";

/** Secret feed tokens: like API tokens (lib/auth/tokens.ts), only their SHA-256 is stored. */

const PREFIX = "oqc_";
const FILE_SUFFIX = ".ics";

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The feed URL of a token, under the app's origin. */
export function feedUrl(origin: string, token: string): string {
  return `${origin}/api/v1/calendar/${token}${FILE_SUFFIX}`;
}

/** The token named by the last segment of a feed URL ("<token>.ics"); "" when it is not a feed file name. */
export function tokenOfFileName(fileName: string): string {
  return fileName.endsWith(FILE_SUFFIX) ? fileName.slice(0, -FILE_SUFFIX.length) : "";
}

type FeedRow = { tokenHint: string; createdAt: Date; lastFetchedAt: Date | null };

function feedOut(row: FeedRow | null): CalendarFeedOut {
  return {
    active: row !== null,
    token_hint: row?.tokenHint ?? null,
    created_at: row?.createdAt.toISOString() ?? null,
    last_fetched_at: row?.lastFetchedAt?.toISOString() ?? null,
  };
}

const feedSelect = { tokenHint: true, createdAt: true, lastFetchedAt: true } as const;

export async function getCalendarFeed(scope: Scope): Promise<CalendarFeedOut> {
  const row = await db().calendarFeed.findFirst({ where: { tenantId: scope.tenantId, userId: scope.userId }, select: feedSelect });
  return feedOut(row);
}

/** Creates the caller's feed token, or replaces it (rotation): the earlier URL stops working in the same statement. */
export async function issueCalendarFeed(scope: Scope, origin: string, clock: Clock = systemClock): Promise<IssuedCalendarFeedOut> {
  const token = PREFIX + randomBytes(32).toString("base64url");
  const data = {
    tokenHash: hashToken(token),
    tokenHint: `${token.slice(0, 4)}…${token.slice(-4)}`,
    createdAt: clock(),
    lastFetchedAt: null,
  };
  const row = await db().calendarFeed.upsert({
    where: { userId: scope.userId },
    create: { ...data, tenantId: scope.tenantId, userId: scope.userId },
    update: data,
    select: feedSelect,
  });
  return { ...feedOut(row), token, url: feedUrl(origin, token) };
}

/** Turns the caller's feed off; nothing to turn off is not an error. */
export async function revokeCalendarFeed(scope: Scope): Promise<void> {
  await db().calendarFeed.deleteMany({ where: { tenantId: scope.tenantId, userId: scope.userId } });
}

type FeedOwnerRow = { user_id: string; tenant_id: string; role: UserRole; is_active: boolean; last_fetched_at: Date | null };

/**
 * The scope of the user a feed token belongs to; null for an unknown token or a deactivated user. The fetch time
 * is kept to the minute, so a calendar app polling often costs no write each time.
 */
export async function scopeFromFeedToken(token: string, clock: Clock = systemClock): Promise<Scope | null> {
  const now = clock();
  const [row] = await queryRows<FeedOwnerRow>(Prisma.sql`
    SELECT f.user_id, f.tenant_id, u.role::text AS role, u.is_active, f.last_fetched_at
    FROM calendar_feeds f JOIN users u ON u.id = f.user_id AND u.tenant_id = f.tenant_id
    WHERE f.token_hash = ${hashToken(token)}`);
  if (!row || !row.is_active) return null;
  if (!row.last_fetched_at || now.getTime() - row.last_fetched_at.getTime() > 60_000) {
    await db().calendarFeed.updateMany({ where: { userId: row.user_id, tenantId: row.tenant_id }, data: { lastFetchedAt: now } });
  }
  return { tenantId: row.tenant_id, userId: row.user_id, role: row.role };
}
