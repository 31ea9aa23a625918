import { db, Prisma, queryRows } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { toMoney } from "@/lib/money";
import { ownerVisibleSql } from "@/lib/opportunities";
import type { Scope } from "@/lib/scope";
import { baseCurrencyOf } from "@/lib/tenants";
import { isActiveTenantUser } from "@/lib/users";
import type { PutTargetsInput, TargetsOut, TargetsQuery } from "./schemas";

type TargetRow = { user_id: string; user_name: string; month: string; amount: string };

const firstDay = (month: string) => `${month}-01`;

/** The targets of the months from–to the caller may see: a manager everyone's (or `user_id`'s), a rep their own. */
export async function getTargets(scope: Scope, query: TargetsQuery): Promise<TargetsOut> {
  const [baseCurrency, rows] = await Promise.all([
    baseCurrencyOf(scope),
    queryRows<TargetRow>(Prisma.sql`
      SELECT t.user_id, u.name AS user_name, to_char(t.month, 'YYYY-MM') AS month, t.amount::text AS amount
      FROM sales_targets t JOIN users u ON u.id = t.user_id
      WHERE t.tenant_id = ${scope.tenantId}::uuid AND t.month BETWEEN ${firstDay(query.from)}::date AND ${firstDay(query.to)}::date
        AND ${ownerVisibleSql(scope, Prisma.sql`t.user_id`, query.user_id)}
      ORDER BY u.name, t.user_id, t.month`),
  ]);
  return {
    base_currency: baseCurrency,
    items: rows.map((row) => ({ user: { id: row.user_id, name: row.user_name }, month: row.month, amount: toMoney(row.amount) })),
  };
}

/**
 * Sets each named (user, month) target, in one transaction; an amount of 0 removes the target. Every user must be an
 * active user of the caller's company (else 422, nothing written). Managers only (the operation's roles).
 */
export async function putTargets(scope: Scope, input: PutTargetsInput): Promise<TargetsOut> {
  const userIds = [...new Set(input.targets.map((target) => target.user_id))];
  const active = await Promise.all(userIds.map((id) => isActiveTenantUser(scope, id)));
  const errors = input.targets.flatMap((target, i) =>
    active[userIds.indexOf(target.user_id)] ? [] : [{ field: `targets.${i}.user_id`, message: "must be an active user of your company" }],
  );
  if (errors.length > 0) throw new ValidationError(errors);
  await db().$transaction(async (tx) => {
    for (const target of input.targets) {
      const key = { tenantId: scope.tenantId, userId: target.user_id, month: new Date(`${firstDay(target.month)}T00:00:00.000Z`) };
      if (new Prisma.Decimal(target.amount).isZero()) await tx.salesTarget.deleteMany({ where: key });
      else
        await tx.salesTarget.upsert({
          where: { tenantId_userId_month: key },
          create: { ...key, amount: target.amount },
          update: { amount: target.amount },
        });
    }
  });
  const months = input.targets.map((target) => target.month).sort();
  const written = await getTargets(scope, { from: months[0]!, to: months.at(-1)! });
  const keys = new Set(input.targets.map((target) => `${target.user_id}/${target.month}`));
  return { ...written, items: written.items.filter((item) => keys.has(`${item.user.id}/${item.month}`)) };
}
