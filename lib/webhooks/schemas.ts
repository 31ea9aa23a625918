import { z } from "zod";
import { pageSchema, paginationQuery } from "@/lib/http/browser";
import { WEBHOOK_EVENTS } from "@/lib/webhook-events/browser";
import { webhookUrlProblem } from "./url-policy";

/** Standard Webhooks' secret format: `whsec_` and the base64 of the key (24 to 64 bytes). */
const SECRET_PATTERN = /^whsec_(?=(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$)[A-Za-z0-9+/=]{32,88}$/;

export const webhookIdParams = z.object({ id: z.uuid() });

export const webhookEventSchema = z
  .enum(WEBHOOK_EVENTS, { message: `must be one of ${WEBHOOK_EVENTS.join(", ")}` })
  .meta({ id: "WebhookEventType", description: "An event a webhook may subscribe to." });

const url = z
  .string()
  .trim()
  .min(1, "is required")
  .max(2000, "must be at most 2000 characters")
  .superRefine((value, ctx) => {
    const problem = webhookUrlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .meta({
    description:
      "http or https. Public hosts and the company's own network (10/8, 172.16/12, 192.168/16, fc00::/7) are allowed; " +
      "this server (loopback), link-local (cloud metadata), multicast and reserved addresses are not, also when a host name resolves to one.",
    example: "https://hooks.example.com/onquota",
  });

const events = z
  .array(webhookEventSchema)
  .min(1, "must name at least one event")
  .refine((list) => new Set(list).size === list.length, "must not repeat an event");

const secret = z
  .string()
  .regex(SECRET_PATTERN, "must be whsec_ followed by the base64 of 24 to 64 random bytes")
  .meta({ description: "Standard Webhooks signing secret; generated when not given.", example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" });

export const webhookBody = z
  .object({
    url,
    events,
    secret: secret.optional(),
    enabled: z.boolean().optional().meta({ description: "Defaults to true; turning a webhook on again clears its failure count." }),
  })
  .strict()
  .meta({ id: "WebhookRequest", example: { url: "https://hooks.example.com/onquota", events: ["opportunity.won", "opportunity.lost"] } });

export const webhookOut = z
  .object({
    id: z.uuid(),
    url: z.string(),
    events: z.array(webhookEventSchema),
    enabled: z.boolean(),
    consecutive_failures: z.number().int().meta({ description: "Failed tries in a row; at 20 the webhook is turned off." }),
    auto_disabled_at: z.string().nullable().meta({ description: "When 20 failures in a row turned it off (null otherwise)." }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: "Webhook" });

export const createdWebhookOut = webhookOut
  .extend({ secret: z.string().meta({ description: "The signing secret, shown only in this answer (and when a new one is set)." }) })
  .meta({ id: "CreatedWebhook" });

export const webhookListOut = z
  .object({ items: z.array(webhookOut) })
  .meta({ id: "WebhookList", description: "The company's webhooks, oldest first." });

export const webhookTryOut = z
  .object({
    attempted_at: z.string(),
    status_code: z
      .number()
      .int()
      .nullable()
      .meta({ description: "The receiver's HTTP status; null when none came (network error, timeout)." }),
    response_time_ms: z.number().int(),
    error: z.string().nullable(),
  })
  .meta({ id: "WebhookTry" });

export const webhookDeliveryOut = z
  .object({
    id: z.uuid().meta({ description: "Sent as `webhook-id` (msg_<id>), the same on every try." }),
    event_type: z.string(),
    status: z.enum(["pending", "succeeded", "failed"]),
    attempts: z.number().int(),
    next_attempt_at: z.string().nullable(),
    created_at: z.string(),
    payload: z.unknown().meta({ description: "The body posted: type, timestamp and data." }),
    tries: z.array(webhookTryOut).meta({ description: "Every try, oldest first." }),
  })
  .meta({ id: "WebhookDelivery" });

export const webhookDeliveriesQuery = paginationQuery;
export const webhookDeliveryPage = pageSchema(webhookDeliveryOut).meta({
  id: "WebhookDeliveryPage",
  description: "Deliveries, newest first.",
});

export const webhookTestOut = z
  .object({ delivery_id: z.uuid() })
  .meta({ id: "WebhookTestQueued", description: "The test delivery; it is sent at once, in the background." });

export type WebhookInput = z.infer<typeof webhookBody>;
export type WebhookOut = z.infer<typeof webhookOut>;
export type CreatedWebhookOut = z.infer<typeof createdWebhookOut>;
export type WebhookDeliveryOut = z.infer<typeof webhookDeliveryOut>;
export type WebhookDeliveryPage = z.infer<typeof webhookDeliveryPage>;
