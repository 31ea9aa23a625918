/** How each activity type reads in the UI. */
export const ACTIVITY_LABEL: Record<string, string> = {
  CALL: "Call",
  MEETING: "Meeting",
  EMAIL: "Email",
  TASK: "Task",
  NOTE: "Note",
};

/** A `datetime-local` value (the browser's time zone) as an instant, or null when empty. */
export function localInputToIso(value: string): string | null {
  return value ? new Date(value).toISOString() : null;
}

/** Tomorrow 09:00 in the browser's time zone, as a `datetime-local` value. */
export function tomorrowMorningInput(now = new Date()): string {
  const at = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
