import { expect, test } from "@playwright/test";

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

  await page.getByLabel("Account menu for Erin Owner").click();
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login/);

  await page.goto("/settings");
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Invalid email or password." })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);

  await page.getByLabel("Password").fill("a-strong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/pipeline/);
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
