import { defineConfig, devices } from "@playwright/test";
import webpush from "web-push";
import { serverCommand } from "./scripts/server/entry";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// Web push is set up for the server under test (e2e/push.spec.ts), with a key pair of this run's own.
const vapid = webpush.generateVAPIDKeys();

/**
 * End-to-end tests drive Debian's Chromium against the production server (server.ts, serving the build made
 * beforehand by `npm run build`). `npm run test:e2e` provides a fresh, migrated and seeded database through
 * E2E_DATABASE_URL. The server trusts 127.0.0.2 as a reverse proxy, so tests can act as one (e2e/server.spec.ts).
 */
export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: `node ${serverCommand(port, "127.0.0.1").join(" ")}`,
    url: `${baseURL}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL ?? "",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      TRUSTED_PROXIES: "127.0.0.2",
      EMAIL_OUTBOX: "1",
      // e2e/webhooks.spec.ts delivers to a receiver on this machine.
      WEBHOOK_ALLOW_LOOPBACK: "1",
      VAPID_PUBLIC_KEY: process.env.VAPID_PUBLIC_KEY ?? vapid.publicKey,
      VAPID_PRIVATE_KEY: process.env.VAPID_PRIVATE_KEY ?? vapid.privateKey,
      VAPID_SUBJECT: process.env.VAPID_SUBJECT ?? "mailto:e2e@onquota.test",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-0123456789",
    },
  },
});
