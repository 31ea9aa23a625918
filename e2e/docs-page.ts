import { expect, type Page } from "@playwright/test";
import { watchViolations } from "./helpers";

/**
 * A host name the browser resolves to this server. Scalar behaves differently on localhost (it never proxies
 * requests to it, and shows its developer toolbar and "explore" links there), so a test on this name checks the
 * page as a deployment serves it.
 */
export const PUBLIC_HOST = "onquota.test";
const OWN_HOSTS = new Set(["127.0.0.1", "localhost", PUBLIC_HOST]);

/**
 * Everything /docs must not do: report a CSP violation, log an error, throw, or reach any host but this server
 * (Scalar's defaults would fetch fonts, a request proxy and telemetry from scalar.com).
 */
export async function watchDocsPage(page: Page) {
  const problems = await watchViolations(page);
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.context().on("request", (request) => {
    const { protocol, hostname } = new URL(request.url());
    if (protocol.startsWith("http") && !OWN_HOSTS.has(hostname)) {
      problems.push(`request to another host: ${request.url()}`);
    }
  });
  return problems;
}

export async function openTryIt(page: Page, method: string, path: string) {
  await page.getByRole("button", { name: `Test Request (${method.toLowerCase()} ${path})` }).click();
  const client = page.getByRole("dialog");
  await expect(client.getByRole("button", { name: `Send ${method.toLowerCase()} request to`, exact: false })).toBeVisible();
  return client;
}
