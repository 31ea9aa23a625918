import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import pg from "pg";
import { bearer, signIn, tokenFor, type Session } from "./helpers";

/** The notification center: grouped by day, filters, select many by mouse, keyboard and touch, bulk read/unread/delete. */

async function unreadOf(request: APIRequestContext, session: Session): Promise<number> {
  const res = await request.get("/api/v1/notifications/unread-count", { headers: bearer(session) });
  return ((await res.json()) as { unread_count: number }).unread_count;
}

async function notify(request: APIRequestContext, admin: Session, userId: string, title: string, category: string, type = "INFO") {
  const res = await request.post("/api/v1/notifications", {
    headers: bearer(admin),
    data: { user_ids: [userId], title, message: "Created by the notification center test.", type, category },
  });
  expect(res.status()).toBe(201);
}

/** Moves a notification to yesterday (the API always writes "now"). */
async function backdate(title: string) {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("UPDATE notifications SET created_at = created_at - interval '1 day' WHERE title = $1", [title]);
  } finally {
    await client.end();
  }
}

const expectBell = (page: Page, unread: number) =>
  expect(page.getByTestId("notification-bell")).toHaveAccessibleName(unread > 0 ? `Notifications, ${unread} unread` : "Notifications");

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).exclude("nextjs-portal").analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
}

test("mouse: filter by category, shift-click a range, mark read and unread, delete, grouped by day", async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const [admin, sam] = await Promise.all([tokenFor(request, "admin@acme.demo"), tokenFor(request, "supervisor@acme.demo")]);
  const stamp = Date.now();
  const [first, second, old] = [`Quote one ${stamp}`, `Quote two ${stamp}`, `Old van ${stamp}`];
  await notify(request, admin, sam.userId, old, "MAINTENANCE", "ERROR");
  await backdate(old);
  await notify(request, admin, sam.userId, first, "QUOTE", "WARNING");
  await notify(request, admin, sam.userId, second, "QUOTE");

  await signIn(page, "supervisor@acme.demo", "/notifications");
  const start = await unreadOf(request, sam);
  await expectBell(page, start);
  const items = page.getByTestId("notification-item");
  const yesterday = page.locator("section", { has: page.getByRole("heading", { name: "Yesterday" }) });
  await expect(yesterday.getByTestId("notification-item").filter({ hasText: old })).toHaveCount(1);
  const today = page.locator("section", { has: page.getByRole("heading", { name: "Today" }) });
  await expect(today.getByTestId("notification-item").filter({ hasText: first })).toHaveCount(1);

  await page.getByLabel("Category").selectOption("QUOTE");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/category=QUOTE/);
  await expect(items.filter({ hasText: old })).toHaveCount(0);

  // The newest first: the second notification, then the first; shift-click selects both.
  await page.getByLabel(`Select: ${second}`).click();
  await page.getByLabel(`Select: ${first}`).click({ modifiers: ["Shift"] });
  await expect(page.getByTestId("selection-count")).toHaveText("2 selected");
  await page.getByRole("button", { name: "Mark selected read" }).click();
  await expect(page.getByTestId("selection-count")).toHaveText("2 notifications marked read.");
  await expect(items.filter({ hasText: first }).getByRole("button", { name: /^Mark unread/ })).toBeVisible();
  await expect(items.filter({ hasText: second }).getByRole("button", { name: /^Mark unread/ })).toBeVisible();
  await expectBell(page, start - 2);

  await page.getByLabel(`Select: ${first}`).check();
  await page.getByLabel(`Select: ${second}`).check();
  await page.getByRole("button", { name: "Mark selected unread" }).click();
  await expect(items.filter({ hasText: first }).getByRole("button", { name: /^Mark read/ })).toBeVisible();
  await expectBell(page, start);

  // One by one, a read notification can be made unread again.
  await items
    .filter({ hasText: first })
    .getByRole("button", { name: /^Mark read/ })
    .click();
  await expectBell(page, start - 1);
  await items
    .filter({ hasText: first })
    .getByRole("button", { name: /^Mark unread/ })
    .click();
  await expectBell(page, start);

  await page.getByLabel(`Select: ${first}`).check();
  await page.getByRole("button", { name: "Delete selected" }).click();
  await page.getByRole("dialog", { name: "Delete 1 notification?" }).getByRole("button", { name: "Delete" }).click();
  await expect(items.filter({ hasText: first })).toHaveCount(0);
  await expect(items.filter({ hasText: second })).toHaveCount(1);
  await expectBell(page, start - 1);
});

test("keyboard and touch on a 390 px phone in dark mode: select all, mark read, no overflow, axe-clean", async ({ browser, request }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, colorScheme: "dark" });
  const page = await context.newPage();
  const [admin, riley] = await Promise.all([tokenFor(request, "admin@acme.demo"), tokenFor(request, "riley@acme.demo")]);
  const stamp = Date.now();
  const titles = [`Touch one ${stamp}`, `Touch two ${stamp}`];
  for (const title of titles) await notify(request, admin, riley.userId, title, "CLIENT");

  await signIn(page, "riley@acme.demo", "/notifications");
  await page.goto("/notifications?category=CLIENT&is_read=false");
  expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
  const items = page.getByTestId("notification-item");
  await expect(items.filter({ hasText: titles[1]! })).toHaveCount(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await expectAccessible(page);

  // Touch: tapping the checkbox's area selects it.
  await page.getByLabel(`Select: ${titles[0]}`).tap();
  await expect(page.getByTestId("selection-count")).toHaveText("1 selected");
  await page.getByLabel(`Select: ${titles[0]}`).tap();
  await expect(page.getByTestId("selection-count")).toHaveText("");

  // Keyboard: Space on "Select all", Tab to the toolbar's button, Enter.
  const start = await unreadOf(request, riley);
  const count = await items.count();
  await page.getByLabel("Select all on this page").focus();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("selection-count")).toHaveText(`${count} selected`);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Mark selected read" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("selection-count")).toHaveText(`${count} notification${count === 1 ? "" : "s"} marked read.`);
  await expectBell(page, start - count);
  // The filter shows unread ones only: the page now says so.
  await expect(items.filter({ hasText: titles[0]! })).toHaveCount(0);
  await expectAccessible(page);
  await context.close();
});
