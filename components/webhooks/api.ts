import { readProblem } from "@/components/ui/problem";
import type { CreatedWebhookOut, WebhookDeliveryPage, WebhookOut } from "@/lib/webhooks/browser";

/** The browser's calls to the webhooks API (same-origin, session cookie); a refusal throws its ProblemError. */
const BASE = "/api/v1/webhooks";

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${BASE}${path}`, {
    credentials: "same-origin",
    ...init,
    headers: { accept: "application/json", ...(init?.body ? { "content-type": "application/json" } : {}), ...init?.headers },
  });
  if (!response.ok) throw await readProblem(response);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export type WebhookFields = { url: string; events: string[]; enabled?: boolean };

export const fetchWebhooks = async () => (await call<{ items: WebhookOut[] }>("")).items;

export const createWebhook = (fields: WebhookFields) => call<CreatedWebhookOut>("", { method: "POST", body: JSON.stringify(fields) });

export const updateWebhook = (id: string, fields: WebhookFields) =>
  call<WebhookOut>(`/${id}`, { method: "PUT", body: JSON.stringify(fields) });

export const deleteWebhook = (id: string) => call<void>(`/${id}`, { method: "DELETE" });

export const sendTestEvent = (id: string) => call<{ delivery_id: string }>(`/${id}/test`, { method: "POST" });

export const fetchDeliveries = (id: string) => call<WebhookDeliveryPage>(`/${id}/deliveries?page_size=20`);
