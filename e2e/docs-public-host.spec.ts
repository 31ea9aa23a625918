import { expect, test } from "@playwright/test";
import config from "../playwright.config";
import { openTryIt, PUBLIC_HOST, watchDocsPage } from "./docs-page";
import { tokenFor } from "./helpers";

const publicOrigin = Object.assign(new URL(config.use!.baseURL!), { hostname: PUBLIC_HOST }).origin;
const launch = config.use!.launchOptions!;
test.use({
  launchOptions: {
    ...launch,
    args: [
      ...launch.args!,
      `--host-resolver-rules=MAP ${PUBLIC_HOST} 127.0.0.1`,
      // Deployed over HTTPS; plain http on a non-local name would otherwise be an insecure context.
      `--unsafely-treat-insecure-origin-as-secure=${publicOrigin}`,
    ],
  },
});

test("a visitor without a session tries a request with a pasted bearer token", async ({ page, request }) => {
  const problems = await watchDocsPage(page);
  const riley = await tokenFor(request, "riley@acme.demo");
  await page.goto(`${publicOrigin}/docs#tag/auth/GET/me`);
  const client = await openTryIt(page, "GET", "/me");

  const send = client.getByRole("button", { name: "Send get request to", exact: false });
  const anonymous = page.waitForResponse((response) => response.url() === `${publicOrigin}/api/v1/me`);
  await send.click();
  expect((await anonymous).status()).toBe(401);
  expect((await anonymous).headers()["content-type"]).toContain("application/problem+json");

  await client.getByRole("textbox", { name: "Bearer Token" }).fill(riley.token);
  const authorized = page.waitForResponse((response) => response.url() === `${publicOrigin}/api/v1/me`);
  await send.click();
  const response = await authorized;
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ email: "riley@acme.demo" });
  // The browser logs the refused anonymous request; nothing else may go wrong.
  expect(problems).toEqual(["console error: Failed to load resource: the server responded with a status of 401 (Unauthorized)"]);
});
