import type { Scope } from "@/lib/scope";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { formatClockTime, parseClockTime, toUserTime } from "@/lib/notification-preferences";
import { serializeUser, userSelect } from "./serialize";
import type { MeOut, UpdateMeBody } from "./schemas";

const meSelect = { ...userSelect, timezone: true, quietHoursStart: true, quietHoursEnd: true } as const;

type MeRow = Awaited<ReturnType<typeof findMe>>;

const findMe = (scope: Scope) => db().user.findFirst({ where: { id: scope.userId, tenantId: scope.tenantId }, select: meSelect });

function serializeMe(row: NonNullable<MeRow>): MeOut {
  const { timezone, quietHours } = toUserTime(row);
  return {
    ...serializeUser(row),
    timezone,
    quiet_hours: quietHours ? { start: formatClockTime(quietHours.start), end: formatClockTime(quietHours.end) } : null,
  };
}

/** The caller, with the time zone and quiet hours their notifications follow. */
export async function getMe(scope: Scope): Promise<MeOut> {
  const row = await findMe(scope);
  if (!row) throw new NotFoundError("User");
  return serializeMe(row);
}

/** Changes the caller's own name, time zone or quiet hours (null turns them off). */
export async function updateMe(scope: Scope, body: UpdateMeBody): Promise<MeOut> {
  const quiet =
    body.quiet_hours === undefined
      ? {}
      : body.quiet_hours === null
        ? { quietHoursStart: null, quietHoursEnd: null }
        : { quietHoursStart: parseClockTime(body.quiet_hours.start), quietHoursEnd: parseClockTime(body.quiet_hours.end) };
  const { count } = await db().user.updateMany({
    where: { id: scope.userId, tenantId: scope.tenantId },
    data: { name: body.name, timezone: body.timezone, ...quiet },
  });
  if (count === 0) throw new NotFoundError("User");
  return getMe(scope);
}
