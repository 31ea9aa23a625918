import { expect, test, type Page } from "@playwright/test";
import { signIn, watchViolations } from "./helpers";

/** Dark mode follows the system setting, a switch in the account menu overrides it, and the choice is remembered. */

const isDark = (page: Page) => page.evaluate(() => document.documentElement.classList.contains("dark"));
const bodyBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

async function chooseTheme(page: Page, theme: "System" | "Light" | "Dark") {
  const select = page.getByLabel("Theme");
  if (!(await select.isVisible())) await page.locator("summary", { hasText: "Alex Admin" }).click();
  await select.selectOption({ label: theme });
}

test("the theme follows the system, the switch overrides it and is remembered, under the strict CSP", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  // The theme class must be on <html> before the first paint: record it at DOMContentLoaded, before React hydrates.
  await page.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () => {
      (window as unknown as { darkAtLoad: boolean }).darkAtLoad = document.documentElement.classList.contains("dark");
    });
  });
  await page.goto("/login");
  expect(await page.evaluate(() => (window as unknown as { darkAtLoad: boolean }).darkAtLoad)).toBe(true);
  const darkBackground = await bodyBackground(page);

  await signIn(page, "admin@acme.demo");
  expect(await isDark(page)).toBe(true);
  await expect(page.getByTestId("board-card").first()).toBeVisible();

  await chooseTheme(page, "Light");
  expect(await isDark(page)).toBe(false);
  expect(await bodyBackground(page)).not.toBe(darkBackground);

  await page.reload();
  expect(await page.evaluate(() => (window as unknown as { darkAtLoad: boolean }).darkAtLoad)).toBe(false);
  expect(await isDark(page)).toBe(false);

  await chooseTheme(page, "System");
  expect(await isDark(page)).toBe(true);
  await page.emulateMedia({ colorScheme: "light" });
  await expect.poll(() => isDark(page)).toBe(false);

  await chooseTheme(page, "Dark");
  await page.goto("/dashboard");
  expect(await page.evaluate(() => (window as unknown as { darkAtLoad: boolean }).darkAtLoad)).toBe(true);
  expect(violations).toEqual([]);
});
