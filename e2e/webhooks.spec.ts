import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { startWebhookReceiver } from "../tests/helpers/webhook-receiver";
import { signIn } from "./helpers";

/**
 * Settings → Webhooks against a real receiver started here: add a webhook, read its secret (shown once), send a
 * test event and see it arrive with a valid Standard Webhooks signature and in the delivery log. The server runs
 * with WEBHOOK_ALLOW_LOOPBACK=1 (playwright.config.ts) so a receiver on this machine is allowed.
 */

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

test.beforeAll(async () => {
  receiver = await startWebhookReceiver();
});

test.afterAll(async () => {
  await receiver.close();
});

async function expectAccessible(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).exclude("nextjs-portal").analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, state).toEqual([]);
}

async function addWebhook(page: Page, path: string, event: string): Promise<string> {
  await page.getByLabel("URL").fill(receiver.url(path));
  await page.getByRole("checkbox", { name: event }).check();
  await page.getByRole("button", { name: "Add webhook" }).click();
  const secret = (await page.getByTestId("webhook-secret-value").textContent())!.trim();
  expect(secret).toMatch(/^whsec_/);
  receiver.on(path, secret);
  return secret;
}

test.describe("at 1440 px", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("an admin adds a webhook, sends a test event and sees it arrive signed and in the log", async ({ page }) => {
    await signIn(page, "admin@acme.demo", "/settings/webhooks");
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
    await expectAccessible(page, "empty page");

    await addWebhook(page, "/e2e-desktop", "opportunity.won");
    await expect(page.getByText("Copy it now: it is not shown again.")).toBeVisible();
    const item = page.getByRole("listitem", { name: receiver.url("/e2e-desktop") });
    await expect(item.getByText("On", { exact: true })).toBeVisible();
    await expectAccessible(page, "secret shown");

    const arrived = receiver.waitFor(1, "/e2e-desktop");
    await item.getByRole("button", { name: "Send test event" }).click();
    await expect(item.getByRole("status")).toHaveText("Test event sent: its delivery shows in the log below.");
    await arrived;
    const [got] = receiver.at("/e2e-desktop");
    expect(got!.error, "signature verified with the secret shown").toBeNull();
    expect(got!.verified).toMatchObject({ type: "webhook.test" });

    const log = item.getByTestId("delivery-log");
    await expect(log.getByTestId("delivery").first()).toContainText("webhook.test");
    await expect(log.getByTestId("delivery").first()).toContainText("Delivered");
    await expect(log.getByTestId("delivery-try").first()).toContainText(/Try 1: 200 in \d+ ms/);

    // After a reload the secret is gone for good.
    await page.reload();
    await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
    await expect(page.getByText(receiver.url("/e2e-desktop"))).toBeVisible();

    // Off means off: the test button is disabled and the badge says so.
    await item.getByRole("button", { name: "Turn off" }).click();
    await expect(item.getByText("Off", { exact: true })).toBeVisible();
    await expect(item.getByRole("button", { name: "Send test event" })).toBeDisabled();

    await page.emulateMedia({ colorScheme: "dark" });
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await item.getByRole("button", { name: "Delivery log" }).click();
    await expect(item.getByTestId("delivery-log")).toBeVisible();
    await expectAccessible(page, "dark, log open");

    await item.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await expect(page.getByText(receiver.url("/e2e-desktop"))).toHaveCount(0);
  });

  test("a bad URL is refused with the reason on the field", async ({ page }) => {
    await signIn(page, "admin@acme.demo", "/settings/webhooks");
    await page.getByLabel("URL").fill("http://169.254.169.254/latest/meta-data");
    await page.getByRole("checkbox", { name: "opportunity.lost" }).check();
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByText("URL must not point at a link-local address (such as a cloud metadata service)")).toBeVisible();
  });

  test("a sales rep finds no webhooks page", async ({ page }) => {
    await signIn(page, "riley@acme.demo");
    const response = await page.goto("/settings/webhooks");
    expect(response!.status()).toBe(404);
  });
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("works by keyboard alone and fits the screen", async ({ page }) => {
    await signIn(page, "admin@acme.demo", "/settings/webhooks");
    await page.getByLabel("URL").focus();
    await page.keyboard.type(receiver.url("/e2e-phone"));
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    await expect(page.getByRole("checkbox", { name: "opportunity.created" })).toBeChecked();
    await page.getByRole("button", { name: "Add webhook" }).focus();
    await page.keyboard.press("Enter");
    const secret = (await page.getByTestId("webhook-secret-value").textContent())!.trim();
    receiver.on("/e2e-phone", secret);

    const item = page.getByRole("listitem", { name: receiver.url("/e2e-phone") });
    const arrived = receiver.waitFor(1, "/e2e-phone");
    await item.getByRole("button", { name: "Send test event" }).focus();
    await page.keyboard.press("Enter");
    await arrived;
    expect(receiver.at("/e2e-phone")[0]!.error).toBeNull();
    await expect(item.getByTestId("delivery").first()).toContainText("Delivered");

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, "phone");
  });
});
