import { expect, test, type Page } from "@playwright/test";
import { ARTIFACTS, signIn, tokenFor, watchViolations } from "./helpers";

type OpenApi = { tags: { name: string }[]; paths: Record<string, Record<string, { summary: string }>> };

/**
 * Everything /docs must not do: report a CSP violation, log an error, throw, or reach any host but this server
 * (Scalar's defaults would fetch fonts, a request proxy and telemetry from scalar.com).
 */
async function watchDocsPage(page: Page) {
  const problems = await watchViolations(page);
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.context().on("request", (request) => {
    const { protocol, hostname } = new URL(request.url());
    if (protocol.startsWith("http") && hostname !== "127.0.0.1" && hostname !== "localhost") {
      problems.push(`request to another host: ${request.url()}`);
    }
  });
  return problems;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function openTryIt(page: Page, method: string, path: string) {
  await page.getByRole("button", { name: `Test Request (${method.toLowerCase()} ${path})` }).click();
  const client = page.getByRole("dialog");
  await expect(client.getByRole("button", { name: `Send ${method.toLowerCase()} request to`, exact: false })).toBeVisible();
  return client;
}

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

test("a visitor without a session tries a request with a pasted bearer token", async ({ page, request }) => {
  const problems = await watchDocsPage(page);
  const riley = await tokenFor(request, "riley@acme.demo");
  await page.goto("/docs#tag/auth/GET/me");
  const client = await openTryIt(page, "GET", "/me");

  const send = client.getByRole("button", { name: "Send get request to", exact: false });
  const anonymous = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/v1/me");
  await send.click();
  expect((await anonymous).status()).toBe(401);
  expect((await anonymous).headers()["content-type"]).toContain("application/problem+json");

  await client.getByRole("textbox", { name: "Bearer Token" }).fill(riley.token);
  const authorized = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/v1/me");
  await send.click();
  const response = await authorized;
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ email: "riley@acme.demo" });
  // The browser logs the refused anonymous request; nothing else may go wrong.
  expect(problems).toEqual(["console error: Failed to load resource: the server responded with a status of 401 (Unauthorized)"]);
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
