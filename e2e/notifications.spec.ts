import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import pg from "pg";
import { encodeLiveEvents, NOTIFICATION_CHANNEL } from "../lib/notifications/live-events";
import { bearer, signIn, tokenFor, type Session } from "./helpers";

async function unreadOf(request: APIRequestContext, session: Session): Promise<number> {
  const res = await request.get("/api/v1/notifications/unread-count", { headers: bearer(session) });
  return ((await res.json()) as { unread_count: number }).unread_count;
}

async function notify(request: APIRequestContext, admin: Session, userId: string, fields: Record<string, unknown>) {
  const res = await request.post("/api/v1/notifications", {
    headers: bearer(admin),
    data: { user_ids: [userId], message: "Created by the end-to-end test.", type: "INFO", category: "GENERAL", ...fields },
  });
  expect(res.status()).toBe(201);
}

/** Many notifications in one statement straight in the database (as a scheduled check writes them), announced live. */
async function insertMany(userId: string, count: number, title: string) {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO notifications (tenant_id, user_id, title, message)
       SELECT u.tenant_id, u.id, $2 || ' ' || g, 'Written by the end-to-end test.' FROM users u, generate_series(1, $3::int) g WHERE u.id = $1`,
      [userId, title, count],
    );
    const [payload] = encodeLiveEvents([{ userId, kind: "created", notificationIds: [] }]);
    await client.query("SELECT pg_notify($1, $2)", [NOTIFICATION_CHANNEL, payload]);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

async function expectBadge(page: Page, count: number) {
  const badge = page.getByTestId("notification-badge");
  if (count === 0) await expect(badge).toHaveCount(0);
  else await expect(badge).toHaveText(String(count));
}

test("the bell's badge follows the unread count live; opening an item reads it; mark all read clears it", async ({ page, request }) => {
  const [admin, riley] = await Promise.all([tokenFor(request, "admin@acme.demo"), tokenFor(request, "riley@acme.demo")]);
  await signIn(page, "riley@acme.demo", "/notifications");
  const bell = page.getByTestId("notification-bell");

  const start = await unreadOf(request, riley);
  expect(start).toBeGreaterThan(0);
  await expectBadge(page, start);

  const title = `Deal desk approved your discount ${Date.now()}`;
  await notify(request, admin, riley.userId, { title, type: "SUCCESS", action_url: "/clients", action_label: "Open clients" });
  await expectBadge(page, start + 1);
  await expect(bell).toHaveAccessibleName(`Notifications, ${start + 1} unread`);

  await bell.click();
  await expect(bell).toHaveAttribute("aria-expanded", "true");
  const dropdown = page.getByRole("dialog", { name: "Notifications" });
  await expect(dropdown).toBeFocused();
  const item = dropdown.getByRole("button", { name: new RegExp(title) });
  await expect(item).toBeVisible();
  await item.click();
  await expect(page).toHaveURL(/\/clients$/);
  await expectBadge(page, start);

  await bell.click();
  await expect(dropdown).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dropdown).toHaveCount(0);
  await expect(bell).toHaveAttribute("aria-expanded", "false");
  await expect(bell).toBeFocused();

  await bell.click();
  await dropdown.getByRole("button", { name: "Mark all read" }).click();
  await expectBadge(page, 0);
  expect(await unreadOf(request, riley)).toBe(0);

  await dropdown.getByRole("link", { name: "View all" }).click();
  await expect(page).toHaveURL(/\/notifications$/);
});

test("the notification center filters, marks read and deletes, and fits a phone screen", async ({ page, request }) => {
  const [admin, jordan] = await Promise.all([tokenFor(request, "admin@acme.demo"), tokenFor(request, "jordan@acme.demo")]);
  const stamp = Date.now();
  await notify(request, admin, jordan.userId, { title: `Van overdue ${stamp}`, type: "ERROR", category: "MAINTENANCE" });
  await notify(request, admin, jordan.userId, { title: `Quote expiring ${stamp}`, type: "WARNING", category: "QUOTE" });

  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, "jordan@acme.demo", "/notifications");
  const items = page.getByTestId("notification-item");
  await expect(items.filter({ hasText: `Van overdue ${stamp}` })).toHaveCount(1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByTestId("notification-bell").click();
  const box = await page.getByRole("dialog", { name: "Notifications" }).boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(375);
  await page.keyboard.press("Escape");

  await page.getByLabel("Type").selectOption("ERROR");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/type=ERROR/);
  await expect(items.filter({ hasText: `Quote expiring ${stamp}` })).toHaveCount(0);
  const overdue = items.filter({ hasText: `Van overdue ${stamp}` });
  await expect(overdue).toHaveCount(1);

  const unreadBefore = await unreadOf(request, jordan);
  await overdue.getByRole("button", { name: /^Mark read/ }).click();
  await expect(overdue.getByRole("button", { name: /^Mark read/ })).toHaveCount(0);
  await expectBadge(page, unreadBefore - 1);

  await overdue.getByRole("button", { name: /^Delete/ }).click();
  await page.getByRole("dialog", { name: "Delete this notification?" }).getByRole("button", { name: "Delete" }).click();
  await expect(items.filter({ hasText: `Van overdue ${stamp}` })).toHaveCount(0);

  await page.getByLabel("Status").selectOption("false");
  await page.getByLabel("Type").selectOption("");
  await page.getByLabel("Category").selectOption("QUOTE");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(items.filter({ hasText: `Quote expiring ${stamp}` })).toHaveCount(1);
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/notifications$/);
});

test("more new notifications than the stream sends one by one make the bell and the center reload", async ({ page, request }) => {
  const gina = await tokenFor(request, "admin@globex.demo");
  await signIn(page, "admin@globex.demo", "/notifications");
  const bell = page.getByTestId("notification-bell");
  const stamp = Date.now();

  // A first notification arriving live shows that the stream is open.
  const start = await unreadOf(request, gina);
  await notify(request, gina, gina.userId, { title: `Stream open ${stamp}` });
  await expect(bell).toHaveAccessibleName(`Notifications, ${start + 1} unread`);

  await insertMany(gina.userId, 101, `Bulk ${stamp}`);
  await expect(bell).toHaveAccessibleName(`Notifications, ${start + 102} unread`);
  // The center is rendered on the server: only the reload the refetch event asks for shows the new ones.
  await expect(page.getByText(`You have ${start + 102} unread notifications.`)).toBeVisible();
  await expect(
    page
      .getByTestId("notification-item")
      .filter({ hasText: `Bulk ${stamp}` })
      .first(),
  ).toBeVisible();
});
