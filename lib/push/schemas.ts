import { z } from "zod";
import { localEndpointsAllowed } from "./config";
import { pushEndpointProblem } from "./endpoint-policy";

const endpoint = z
  .string()
  .trim()
  .min(1, "is required")
  .max(2000, "must be at most 2000 characters")
  .superRefine((value, ctx) => {
    const problem = pushEndpointProblem(value, localEndpointsAllowed());
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .meta({ description: "The push service URL the browser was given (https).", example: "https://fcm.googleapis.com/fcm/send/cXh3…" });

/** A base64url key of the browser's that must decode to `bytes` bytes (and `check` them). */
const browserKey = (bytes: number, what: string, check: (raw: Buffer) => boolean = () => true) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, "must be base64url")
    .refine((value) => {
      const raw = Buffer.from(value, "base64url");
      return raw.length === bytes && check(raw);
    }, `must be ${what}`);

export const pushSubscriptionBody = z
  .object({
    endpoint,
    expirationTime: z.number().nullable().optional(),
    keys: z
      .object({
        p256dh: browserKey(65, "the browser's P-256 public key (65 bytes, base64url)", (raw) => raw[0] === 4),
        auth: browserKey(16, "the browser's 16-byte auth secret (base64url)"),
      })
      .strict(),
  })
  .strict()
  .meta({
    id: "PushSubscriptionRequest",
    description: "The browser's PushSubscription as JSON (`subscription.toJSON()`).",
    example: {
      endpoint: "https://fcm.googleapis.com/fcm/send/cXh3…",
      expirationTime: null,
      keys: {
        p256dh: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
        auth: "tBHItJI5svbpez7KI4CCXg",
      },
    },
  });

const endpointSelector = z.object({ endpoint: z.string().trim().min(1).max(2000).optional() }).strict();

export const pushUnsubscribeQuery = endpointSelector.meta({ description: "The endpoint to forget (or in the body)." });
export const pushUnsubscribeBody = endpointSelector.meta({
  id: "PushUnsubscribeRequest",
  description: "The endpoint of the browser to forget (or as the `endpoint` query parameter).",
});

export const pushPublicKeyOut = z
  .object({
    public_key: z.string().meta({ description: "The server's VAPID public key (base64url): the browser's applicationServerKey." }),
  })
  .meta({ id: "PushPublicKey" });

export const pushSubscriptionOut = z
  .object({ id: z.uuid(), endpoint: z.string(), created_at: z.string() })
  .meta({ id: "PushSubscription", description: "A browser that receives your desktop notifications." });

export type PushSubscriptionInput = z.infer<typeof pushSubscriptionBody>;
export type PushSubscriptionOut = z.infer<typeof pushSubscriptionOut>;
