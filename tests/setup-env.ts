/** Runs in every integration worker before its test file: points DATABASE_URL at the run's test database. */
import { inject } from "vitest";

const url = inject("databaseUrl");
if (url) process.env.DATABASE_URL = url;
// Webhook deliveries wait for an explicit run (deliverDueWebhooks) instead of a background relay writing meanwhile.
process.env.WEBHOOK_RELAY ??= "off";
