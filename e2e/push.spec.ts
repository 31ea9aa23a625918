import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { signIn, watchViolations } from "./helpers";

/**
 * Settings → Desktop notifications, in Chromium. Playwright's browser contexts are incognito, where Chromium has no
 * Push API (pushManager.subscribe is refused), and an offline browser cannot reach its push service anyway; so this
 * checks what the user sees there (off, the browser's refusal said plainly, blocked permission), that the service
 * worker registers under the page's CSP, and that a push delivered to it (DevTools' deliverPushMessage) is shown as a
 * notification with its title, text and link. Sending to a real push service is tested in tests/integration/push.test.ts.
 */

const sectionOf = (page: Page) => page.locator("section[aria-labelledby='desktop-notifications-heading']");
const switchOf = (page: Page) => sectionOf(page).getByRole("switch", { name: "Desktop notifications in this browser" });

/** The id DevTools knows the page's service worker registration by. */
async function registrationId(context: BrowserContext, page: Page): Promise<{ id: string; send: (data: string) => Promise<void> }> {
  const cdp = await context.newCDPSession(page);
  const registrations: Array<{ registrationId: string; scopeURL: string; isDeleted: boolean }> = [];
  cdp.on("ServiceWorker.workerRegistrationUpdated", (event) => registrations.push(...event.registrations));
  await cdp.send("ServiceWorker.enable");
  const origin = new URL(page.url()).origin;
  await expect.poll(() => registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted)?.registrationId).toBeDefined();
  const id = registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted)!.registrationId;
  return { id, send: async (data) => void (await cdp.send("ServiceWorker.deliverPushMessage", { origin, registrationId: id, data })) };
}

test("with notifications allowed: the switch starts off, the service worker registers, the browser's refusal is said plainly", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["notifications"]);
  const violations = await watchViolations(page);
  await signIn(page, "jordan@acme.demo", "/settings");
  await expect(sectionOf(page).getByRole("heading", { name: "Desktop notifications" })).toBeVisible();
  await expect(sectionOf(page).getByText("Off in this browser.")).toBeVisible();
  await expect(switchOf(page)).toHaveAttribute("aria-checked", "false");
  await expect(switchOf(page)).toBeEnabled();

  await switchOf(page).click();
  await expect(sectionOf(page).getByRole("alert")).toHaveText(/^Could not turn desktop notifications on: .+/);
  await expect(switchOf(page)).toHaveAttribute("aria-checked", "false");
  await expect(sectionOf(page).getByText("Off in this browser.")).toBeVisible();
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration("/"))?.active?.scriptURL)).toMatch(/\/sw\.js$/);
  expect(violations).toEqual([]);
});

test("the service worker shows a push as a notification with its title, text and link", async ({ page, context }) => {
  await context.grantPermissions(["notifications"]);
  await signIn(page, "jordan@acme.demo", "/settings");
  await switchOf(page).click();
  await expect(sectionOf(page).getByRole("alert")).toBeVisible();
  const worker = await registrationId(context, page);

  const message = { id: "6a1d", title: "Deal won", body: "Acme signed the renewal.", url: "/opportunities/6a1d", category: "OPPORTUNITY" };
  await worker.send(JSON.stringify(message));
  await expect
    .poll(() =>
      page.evaluate(async () =>
        (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
          title: n.title,
          body: n.body,
          tag: n.tag,
          url: n.data?.url,
        })),
      ),
    )
    .toEqual([{ title: "Deal won", body: "Acme signed the renewal.", tag: "6a1d", url: "/opportunities/6a1d" }]);
});

test("with notifications blocked: the switch cannot be turned on and says how to allow them", async ({ page }) => {
  await signIn(page, "jordan@acme.demo", "/settings");
  await expect(switchOf(page)).toBeEnabled();
  await switchOf(page).click();
  await expect(sectionOf(page).getByText(/^Notifications are blocked for OnQuota in this browser\./)).toBeVisible();
  await expect(switchOf(page)).toBeDisabled();
  await page.reload();
  await expect(sectionOf(page).getByText(/^Notifications are blocked for OnQuota in this browser\./)).toBeVisible();
  await expect(switchOf(page)).toBeDisabled();
});
