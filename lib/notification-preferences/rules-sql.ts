import { Prisma } from "@/lib/db";

/** SQL twin of `isCritical`: the notification at alias `n` skips digests and quiet hours. */
export function criticalSql(n: string): Prisma.Sql {
  const alias = Prisma.raw(n);
  return Prisma.sql`(${alias}.critical OR ${alias}.type = 'ERROR')`;
}

/**
 * SQL twin of `decideEmail`'s digest case: the notification at alias `n` waits for its recipient's daily digest (its
 * category is on DAILY_DIGEST and it is not critical).
 */
export function waitsForDigestSql(n: string): Prisma.Sql {
  const alias = Prisma.raw(n);
  return Prisma.sql`NOT ${criticalSql(n)} AND EXISTS (
    SELECT 1 FROM notification_preferences p
    WHERE p.user_id = ${alias}.user_id AND p.category = ${alias}.category AND p.email = 'DAILY_DIGEST')`;
}
