/** "1 vehicle", "3 vehicles". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "3 days overdue" / "1 day overdue". */
export function daysOverdueText(days: number): string {
  return `${plural(days, "day")} overdue`;
}

/** How a date relates to today: "overdue by 3 days", "due today", "due in 2 days". */
export function dueText(daysOverdue: number): string {
  if (daysOverdue > 0) return `overdue by ${plural(daysOverdue, "day")}`;
  if (daysOverdue === 0) return "due today";
  return `due in ${plural(-daysOverdue, "day")}`;
}

const TITLE_MAX = 200;

/** Notification titles are at most 200 characters. */
export function clipTitle(text: string): string {
  return text.length <= TITLE_MAX ? text : `${text.slice(0, TITLE_MAX - 1)}…`;
}
