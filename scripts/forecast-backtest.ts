/**
 * `npm run forecast:backtest [-- --days N]`: the forecast's backtest on the demo data (a fresh seeded test database):
 * as of N days ago (default 30), the p10–p50–p90 of won value the forecast gave for the days from then to yesterday,
 * against what actually closed. `tsx scripts/forecast-backtest.ts` runs it on DATABASE_URL's first demo tenant.
 */
import { addDays, toIsoDate, utcDate } from "@/lib/clock";
import { closeDatabase, db } from "@/lib/db";
import { backtestForecast } from "@/lib/forecast";
import { DEMO_USERS } from "../prisma/demo-accounts";

const daysArg = process.argv.indexOf("--days");
const days = daysArg >= 0 ? Number(process.argv[daysArg + 1]) : 30;
const today = utcDate(new Date());
const admin = await db().user.findFirstOrThrow({ where: { email: DEMO_USERS[0].email }, select: { id: true, tenantId: true, role: true } });
const result = await backtestForecast({ tenantId: admin.tenantId, userId: admin.id, role: admin.role }, addDays(today, -days), {
  from: toIsoDate(addDays(today, -days)),
  to: toIsoDate(addDays(today, -1)),
});
console.log(JSON.stringify(result, null, 2));
await closeDatabase();
