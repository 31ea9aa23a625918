import { expect, test, type Locator, type Page, type Response } from "@playwright/test";
import { call, newCompany } from "./company";
import { dndLiveRegion, inDays, signIn } from "./helpers";

/**
 * Issue 16 item 12: a long column loads its next page as it scrolls and renders only the cards in view, and its
 * cards still move by keyboard and mouse. The deals live in a company of the test's own (the demo company keeps
 * its board).
 */
const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
const DEALS = 130;
const dealName = (n: number) => `Window ${String(n).padStart(3, "0")}`;

const column = (page: Page, stage: string) => page.getByTestId(`column-${stage}`);
const card = (page: Page, name: string) => page.getByTestId("board-card").filter({ has: page.getByRole("link", { name, exact: true }) });

/** The next move the board saves. */
function saved(page: Page): Promise<Response> {
  return page.waitForResponse((res) => /\/api\/v1\/opportunities\/[^/]+\/stage$/.test(res.url()) && res.request().method() === "PATCH");
}

/** Wheels the column down until every page is loaded (the column fetches the next one near its end) and `last` shows. */
async function scrollToEnd(page: Page, scroller: Locator, last: Locator) {
  await scroller.hover();
  const wheelUntil = (done: () => Promise<boolean>) =>
    expect
      .poll(
        async () => {
          await page.mouse.wheel(0, 4000);
          return done();
        },
        { timeout: 30_000 },
      )
      .toBe(true);
  const loadMore = column(page, "LEAD").getByRole("button", { name: /^Load more/ });
  await wheelUntil(async () => (await loadMore.count()) === 0);
  await wheelUntil(() => last.isVisible());
}

test.use({ viewport: { width: 1440, height: 900 } });

test("a 130-card column loads as it scrolls, renders only what is in view, and its cards still move", async ({ page }) => {
  test.setTimeout(120_000);
  const company = await newCompany(BASE, "window");
  const client = await call(BASE, "POST", "/api/v1/clients", { name: "Northwind" }, company.admin.token);
  expect(client.status).toBe(201);
  const create = async (n: number) => {
    const deal = { name: dealName(n), client_id: client.body.id, estimated_value: "1000.00", expected_close_date: inDays(30) };
    expect((await call(BASE, "POST", "/api/v1/opportunities", deal, company.admin.token)).status).toBe(201);
  };
  // The newest deal stands first: 001 alone first, 130 alone last, those between in parallel batches.
  await create(1);
  for (let n = 2; n < DEALS; n += 16) await Promise.all(Array.from({ length: Math.min(16, DEALS - n) }, (_, i) => create(n + i)));
  await create(DEALS);

  await signIn(page, company.admin.email);
  const dealPages: string[] = [];
  page.on("request", (request) => {
    if (/^\/opportunities\/[0-9a-f-]{36}$/.test(new URL(request.url()).pathname)) dealPages.push(request.url());
  });
  const lead = column(page, "LEAD");
  const scroller = lead.getByTestId("column-scroller");
  await expect(lead.getByRole("button", { name: `Load more Lead deals` })).toHaveText(`Load more (${DEALS - 20} more)`);
  await expect(card(page, dealName(DEALS))).toBeVisible();

  await scrollToEnd(page, scroller, card(page, dealName(1)));
  // Scrolling past 130 cards fetched none of their deal pages (each card's link in view used to prefetch its page).
  expect(dealPages).toEqual([]);
  await expect(lead.locator("ul[data-windowed]")).toBeVisible();
  expect(await lead.getByTestId("board-card").count()).toBeLessThan(60);
  await expect(card(page, dealName(DEALS))).toHaveCount(0);

  const byKeyboard = saved(page);
  const liveRegion = dndLiveRegion(page);
  await page.getByRole("button", { name: `Move ${dealName(1)}`, exact: true }).focus();
  await page.keyboard.press("Space");
  await expect(liveRegion).toContainText(`Picked up ${dealName(1)} in Lead`);
  await page.keyboard.press("ArrowRight");
  await expect(liveRegion).toContainText(`${dealName(1)} is over Qualified`);
  await page.keyboard.press("Space");
  const keyboardPatch = await byKeyboard;
  expect(keyboardPatch.status()).toBe(200);
  expect(keyboardPatch.request().postDataJSON()).toMatchObject({ stage: "QUALIFIED" });
  await expect(column(page, "QUALIFIED").getByRole("link", { name: dealName(1), exact: true })).toBeVisible();

  await scroller.hover();
  await page.mouse.wheel(0, -1_000_000);
  await expect(card(page, dealName(DEALS))).toBeVisible();
  const byMouse = saved(page);
  const from = (await card(page, dealName(DEALS)).boundingBox())!;
  const to = (await column(page, "PROPOSAL").boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 200, { steps: 20 });
  await page.mouse.move(to.x + to.width / 2, to.y + 202, { steps: 3 });
  await page.mouse.up();
  const mousePatch = await byMouse;
  expect(mousePatch.status()).toBe(200);
  expect(mousePatch.request().postDataJSON()).toMatchObject({ stage: "PROPOSAL" });
  await expect(column(page, "PROPOSAL").getByRole("link", { name: dealName(DEALS), exact: true })).toBeVisible();
  await page.reload();
  await expect(column(page, "PROPOSAL").getByRole("link", { name: dealName(DEALS), exact: true })).toBeVisible();
  await expect(column(page, "QUALIFIED").getByRole("link", { name: dealName(1), exact: true })).toBeVisible();
});
