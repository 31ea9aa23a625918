import { test, type Page } from "@playwright/test";
import { signIn } from "../../e2e/helpers";

const OUT = "docs/screenshots";
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

async function shoot(page: Page, path: string, name: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${OUT}/${name}.png` });
}

for (const scheme of ["light", "dark"] as const) {
  const suffix = scheme === "dark" ? "-dark" : "";

  test(`desktop, ${scheme}`, async ({ browser }) => {
    const page = await browser.newPage({ viewport: DESKTOP, colorScheme: scheme });
    await signIn(page, "supervisor@acme.demo");
    await shoot(page, "/pipeline", `pipeline-board${suffix}`);
    await shoot(page, "/dashboard", `dashboard${suffix}`);
    await page.goto("/opportunities");
    const href = await page.locator("tbody a[href^='/opportunities/']").first().getAttribute("href");
    await shoot(page, href!, `opportunity-detail${suffix}`);
    await page.close();
  });

  test(`phone, ${scheme}`, async ({ browser }) => {
    const page = await browser.newPage({ viewport: PHONE, colorScheme: scheme, isMobile: true, hasTouch: true });
    await signIn(page, "riley@acme.demo");
    await shoot(page, "/pipeline", `pipeline-board-mobile${suffix}`);
    await page.close();
  });
}
