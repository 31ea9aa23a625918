import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { call, newCompany } from "./company";
import { signIn } from "./helpers";

/** Settings → Notifications: the category × channel matrix and the time zone / quiet hours are saved as chosen. */

const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .include("#email-preferences")
    .include("section[aria-labelledby='delivery-time-heading']")
    .analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
}

for (const screen of [
  { name: "desktop, light, mouse", viewport: { width: 1440, height: 900 }, colorScheme: "light" as const, keyboard: false },
  { name: "phone, dark, keyboard", viewport: { width: 390, height: 844 }, colorScheme: "dark" as const, keyboard: true },
]) {
  test(`choose channels, time zone and quiet hours (${screen.name})`, async ({ page }) => {
    await page.setViewportSize(screen.viewport);
    await page.emulateMedia({ colorScheme: screen.colorScheme });
    const company = await newCompany(BASE, "prefs");
    await signIn(page, company.rep.email, "/settings");

    const matrix = page.locator("#email-preferences");
    await expect(matrix.getByRole("heading", { name: "Notifications" })).toBeVisible();
    await expectAccessible(page);
    const toggle = async (name: string) => {
      const box = matrix.getByRole("checkbox", { name, exact: true });
      await box.scrollIntoViewIfNeeded();
      if (screen.keyboard) {
        await box.focus();
        await page.keyboard.press("Space");
      } else await box.click();
    };
    await expect(matrix.getByRole("checkbox", { name: "General in the app" })).toBeChecked();
    await toggle("General in the app");
    await toggle("Quotes by push");
    await matrix.getByRole("combobox", { name: "Quotes by email" }).selectOption({ label: "Daily digest" });
    await matrix.getByRole("combobox", { name: "Clients by email" }).selectOption({ label: "Off" });
    const save = matrix.getByRole("button", { name: "Save notification preferences" });
    if (screen.keyboard) {
      await save.focus();
      await page.keyboard.press("Enter");
    } else await save.click();
    await expect(matrix.getByRole("status")).toHaveText("Saved.");

    const saved = await call(BASE, "GET", "/api/v1/notification-preferences", undefined, company.rep.token);
    const byCategory = Object.fromEntries(saved.body.preferences.map((p: { category: string }) => [p.category, p]));
    expect(byCategory.GENERAL).toMatchObject({ in_app: false, email: "INSTANT", push: true });
    expect(byCategory.QUOTE).toMatchObject({ in_app: true, email: "DAILY_DIGEST", push: false });
    expect(byCategory.CLIENT).toMatchObject({ email: "OFF" });
    expect(byCategory.OPPORTUNITY).toMatchObject({ in_app: true, email: "INSTANT", push: true });

    const timing = page.locator("section[aria-labelledby='delivery-time-heading']");
    await timing.getByRole("combobox", { name: "Time zone" }).selectOption("Europe/Berlin");
    await expect(timing.getByLabel("From", { exact: true })).toHaveCount(0);
    await timing.getByRole("checkbox", { name: /Quiet hours/ }).check();
    await timing.getByLabel("From", { exact: true }).fill("21:30");
    await timing.getByLabel("Until", { exact: true }).fill("06:45");
    await timing.getByRole("button", { name: "Save time zone and quiet hours" }).click();
    await expect(timing.getByRole("status")).toHaveText("Saved.");
    const me = await call(BASE, "GET", "/api/v1/me", undefined, company.rep.token);
    expect(me.body).toMatchObject({ timezone: "Europe/Berlin", quiet_hours: { start: "21:30", end: "06:45" } });

    // What was saved is what the page shows after a reload.
    await page.reload();
    await expect(matrix.getByRole("checkbox", { name: "General in the app" })).not.toBeChecked();
    await expect(matrix.getByRole("combobox", { name: "Quotes by email" })).toHaveValue("DAILY_DIGEST");
    await expect(timing.getByRole("combobox", { name: "Time zone" })).toHaveValue("Europe/Berlin");
    await expect(timing.getByLabel("Until", { exact: true })).toHaveValue("06:45");
    await expectAccessible(page);

    // Quiet hours off again.
    await timing.getByRole("checkbox", { name: /Quiet hours/ }).uncheck();
    await timing.getByRole("button", { name: "Save time zone and quiet hours" }).click();
    await expect(timing.getByRole("status")).toHaveText("Saved.");
    expect((await call(BASE, "GET", "/api/v1/me", undefined, company.rep.token)).body.quiet_hours).toBeNull();
  });
}
