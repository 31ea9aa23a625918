import { expect, test } from "@playwright/test";
import { openTryIt, watchDocsPage } from "./docs-page";
import { ARTIFACTS, signIn } from "./helpers";

type OpenApi = { tags: { name: string }[]; paths: Record<string, Record<string, { summary: string }>> };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("a signed-in user reads every operation and tries requests on /docs with their session", async ({ page, request }) => {
  const problems = await watchDocsPage(page);
  const document = (await (await request.get("/api/v1/openapi.json")).json()) as OpenApi;
  await signIn(page, "admin@acme.demo");
  await page.goto("/docs");

  const sidebar = page.getByRole("complementary", { name: "Sidebar for OnQuota API" });
  await expect(page.getByRole("heading", { name: "OnQuota API", level: 1 })).toBeVisible();
  for (const { name } of document.tags) {
    await expect(sidebar.getByRole("link", { name, exact: true })).toBeVisible();
    const group = sidebar.getByRole("button", { name: `Open Group - ${name}` });
    if (await group.isVisible()) await group.click();
  }
  const operations = Object.values(document.paths).flatMap((item) => Object.entries(item));
  expect(operations.length).toBeGreaterThan(20);
  await expect(sidebar.getByRole("link", { name: /HTTP Method:/ })).toHaveCount(operations.length);
  for (const [, { summary }] of operations) {
    // Scalar abbreviates some methods (DELETE is "DEL"), so the summary names the link.
    await expect(sidebar.getByRole("link", { name: new RegExp(`^${escapeRegExp(summary)} HTTP Method: `) })).toBeVisible();
  }

  // "Try it" with no token: the session cookie answers, from this origin.
  await sidebar.getByRole("link", { name: "The current user HTTP Method: GET" }).click();
  const client = await openTryIt(page, "GET", "/me");
  const me = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/v1/me");
  await client.getByRole("button", { name: "Send get request to", exact: false }).click();
  const response = await me;
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(response.request().headers()["authorization"]).toBeUndefined();
  expect(await response.json()).toMatchObject({ email: "admin@acme.demo", role: "ADMIN" });
  await expect(client.getByText("200 OK")).toBeVisible();
  await expect(client.getByText('"admin@acme.demo"')).toBeVisible();

  await page.screenshot({ path: `${ARTIFACTS}/docs-try-it.png` });
  expect(problems).toEqual([]);
});

test("a cookie-authenticated write from /docs passes the same-origin check", async ({ page }) => {
  const problems = await watchDocsPage(page);
  await signIn(page, "jordan@acme.demo");
  await page.goto("/docs#tag/notifications/POST/notifications/mark-all-read");
  const client = await openTryIt(page, "POST", "/notifications/mark-all-read");
  const marked = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/v1/notifications/mark-all-read");
  await client.getByRole("button", { name: "Send post request to", exact: false }).click();
  const response = await marked;
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ count: expect.any(Number) });
  expect(problems).toEqual([]);
});

for (const { name, colorScheme, width } of [
  { name: "light", colorScheme: "light", width: 1280 },
  { name: "dark", colorScheme: "dark", width: 1280 },
  { name: "mobile", colorScheme: "light", width: 390 },
] as const) {
  test(`/docs renders in ${name} at ${width} px without overflowing`, async ({ page }) => {
    const problems = await watchDocsPage(page);
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/docs");
    await expect(page.getByRole("heading", { name: "OnQuota API", level: 1 })).toBeVisible();
    await expect(page.locator("body")).toHaveClass(new RegExp(`${colorScheme}-mode`));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${ARTIFACTS}/docs-${name}.png` });
    expect(problems).toEqual([]);
  });
}
