import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

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
    command: `node --import tsx server.ts -p ${port} -H 127.0.0.1`,
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
      AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-0123456789",
    },
  },
});
