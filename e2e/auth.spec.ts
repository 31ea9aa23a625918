import { expect, test } from "@playwright/test";
import { withPgClient } from "../scripts/db/pg-client";
import { loginPairKey } from "../lib/rate-limit/keys";

test("a new company registers, sees the shell, logs out and logs back in", async ({ page }) => {
  const email = `owner.${Date.now()}@e2e.test`;
  await page.goto("/register");
  await page.getByLabel("Company name").fill("E2E Widgets");
  await page.getByLabel("Your name").fill("Erin Owner");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-strong-password");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/pipeline/);
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const item of ["Pipeline", "Opportunities", "Dashboard", "Notifications", "Clients", "Quotes", "Vehicles", "Settings"]) {
    await expect(nav.getByRole("link", { name: item })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "Notifications" }).first()).toBeVisible();

  await page.locator("summary", { hasText: "Erin Owner" }).click();
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login/);

  await page.goto("/settings");
  await expect(page).toHaveURL(/\/login\?next=%2Fsettings$/);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Invalid email or password." })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);

  await page.getByLabel("Password").fill("a-strong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings$/);
});

test("the demo admin logs in and creates a personal API token that works against the API", async ({ page, request }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("admin@acme.demo");
  await page.getByLabel("Password").fill("onquota-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/pipeline/);

  await page.goto("/settings");
  await page.getByLabel("Token name").fill("E2E script");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  expect(token).toMatch(/^oqp_/);

  const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).email).toBe("admin@acme.demo");

  await page.getByRole("button", { name: "Revoke E2E script" }).click();
  await expect(page.getByRole("button", { name: "Revoke E2E script" })).toHaveCount(0);
  const after = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
});

test("the login page shows how long to wait, the figure the API sends in Retry-After", async ({ page, request }) => {
  const email = `guessed.${Date.now()}@e2e.test`;
  // This browser's address (127.0.0.1) has been guessing this account's password for a while.
  await withPgClient(process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL ?? "", (c) =>
    c.query("INSERT INTO rate_limit_buckets (key, count, window_start, updated_at) VALUES ($1, 40, now(), now())", [
      loginPairKey("127.0.0.1", email),
    ]),
  );

  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("one-more-guess");
  await page.getByRole("button", { name: "Sign in" }).click();
  const notice = page.getByRole("alert").filter({ hasText: "Too many attempts" });
  await expect(notice).toHaveText(/^Too many attempts, try again in \d+ s\.$/);
  const shown = Number((await notice.textContent())!.match(/(\d+) s/)![1]);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeDisabled();

  const api = await request.post("/api/v1/auth/token", { data: { email, password: "one-more-guess" } });
  expect(api.status()).toBe(429);
  const retryAfter = Number(api.headers()["retry-after"]);
  expect(retryAfter).toBeLessThanOrEqual(shown);
  expect(retryAfter).toBeGreaterThan(shown - 10);
  // The wait counts down.
  await expect.poll(async () => Number((await notice.textContent())!.match(/(\d+) s/)![1])).toBeLessThan(shown);
});
