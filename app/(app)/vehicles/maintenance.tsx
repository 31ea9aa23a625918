import { addDays, formatDay, systemClock, toIsoDate, utcDate } from "@/lib/clock";
import { MAINTENANCE_DUE_SOON_DAYS, maintenanceState, type MaintenanceState } from "@/lib/vehicles";
import { Badge } from "@/components/ui/list-ui";

/** Whether a maintenance date is overdue or due soon, as of today. */
export function maintenanceStateToday(): (date: string) => MaintenanceState {
  const today = utcDate(systemClock());
  return (date) => maintenanceState(date, toIsoDate(today), toIsoDate(addDays(today, MAINTENANCE_DUE_SOON_DAYS)));
}

export function NextMaintenance({ date, state }: { date: string; state: MaintenanceState }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <time dateTime={date} className={state === "overdue" ? "text-red-700" : state === "due-soon" ? "text-amber-800" : "text-slate-700"}>
        {formatDay(date)}
      </time>
      {state === "overdue" ? <Badge tone="red">Overdue</Badge> : null}
      {state === "due-soon" ? <Badge tone="amber">Due soon</Badge> : null}
    </span>
  );
}
