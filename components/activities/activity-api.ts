import { readProblem } from "@/components/ui/problem";
import type { ActivityOut } from "@/lib/activities/browser";

/** The browser's calls to the activities API (same origin, session cookie). */

async function send(url: string, method: string, body?: unknown): Promise<ActivityOut> {
  const response = await fetch(url, {
    method,
    credentials: "same-origin",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await readProblem(response);
  return (await response.json()) as ActivityOut;
}

export type NewActivity = { type: string; subject: string; due_at: string | null; opportunity_id?: string; client_id?: string };

export const createActivity = (activity: NewActivity) => send("/api/v1/activities", "POST", activity);
export const completeActivity = (id: string) => send(`/api/v1/activities/${id}/complete`, "POST");
export const rescheduleActivity = (id: string, dueAt: string) => send(`/api/v1/activities/${id}`, "PUT", { due_at: dueAt });
