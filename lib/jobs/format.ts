/** "1 vehicle", "3 vehicles". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** How a date relates to today: "overdue by 3 days", "due today", "due in 2 days". */
export function dueText(daysOverdue: number): string {
  if (daysOverdue > 0) return `overdue by ${plural(daysOverdue, "day")}`;
  if (daysOverdue === 0) return "due today";
  return `due in ${plural(-daysOverdue, "day")}`;
}
