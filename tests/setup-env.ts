/** Runs in every integration worker before its test file: points DATABASE_URL at the run's test database. */
import webpush from "web-push";
import { inject } from "vitest";

const url = inject("databaseUrl");
if (url) process.env.DATABASE_URL = url;
// Webhook deliveries wait for an explicit run (deliverDueWebhooks) instead of a background relay writing meanwhile.
process.env.WEBHOOK_RELAY ??= "off";
// Pushes wait for an explicit run (sendDuePush) too; every worker has its own VAPID key pair, so push is set up.
process.env.PUSH_RELAY ??= "off";
if (!process.env.VAPID_PUBLIC_KEY) {
  const keys = webpush.generateVAPIDKeys();
  process.env.VAPID_PUBLIC_KEY = keys.publicKey;
  process.env.VAPID_PRIVATE_KEY = keys.privateKey;
  process.env.VAPID_SUBJECT = "mailto:push-tests@onquota.test";
}
