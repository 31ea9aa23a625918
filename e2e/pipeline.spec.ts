import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { ARTIFACTS, bearer, dndLiveRegion, inDays, openBoard, signIn, tokenFor, type Session } from "./helpers";

type Deal = { id: string; name: string; version: number; stage: string; probability: string; loss_reason: string | null };

async function firstClientId(request: APIRequestContext, session: Session): Promise<string> {
  const res = await request.get("/api/v1/clients?page_size=1", { headers: bearer(session) });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: { id: string }[] }).items[0]!.id;
}

async function createDeal(request: APIRequestContext, session: Session, name: string, stage = "LEAD", value = "1000.00"): Promise<Deal> {
  const res = await request.post("/api/v1/opportunities", {
    headers: bearer(session),
    data: { name, client_id: await firstClientId(request, session), estimated_value: value, expected_close_date: inDays(30), stage },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as Deal;
}

async function readDeal(request: APIRequestContext, session: Session, id: string): Promise<Deal> {
  const res = await request.get(`/api/v1/opportunities/${id}`, { headers: bearer(session) });
  expect(res.status()).toBe(200);
  return (await res.json()) as Deal;
}

/** The board filtered by a search, so the test sees only its own cards. */
const column = (page: Page, stage: string) => page.getByTestId(`column-${stage}`);
const card = (page: Page, name: string) => page.getByTestId("board-card").filter({ has: page.getByRole("link", { name, exact: true }) });
const handle = (page: Page, name: string) => page.getByRole("button", { name: `Move ${name}`, exact: true });
const cardNames = (page: Page, stage: string) => column(page, stage).getByTestId("board-card").getByRole("link").allTextContents();

function stagePatch(page: Page, id: string) {
  return page.waitForResponse((res) => res.url().endsWith(`/api/v1/opportunities/${id}/stage`) && res.request().method() === "PATCH");
}

/** A real mouse drag: press on the card's handle, move past the activation distance, glide to the target, release. */
async function drag(page: Page, source: Locator, target: Locator, where: "center" | "top" = "center") {
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  const startX = from.x + from.width / 2;
  const startY = from.y + from.height / 2;
  await page.mouse.move(startX, startY);
  await page.mouse.down();
  await page.mouse.move(startX + 10, startY + 10, { steps: 5 });
  const x = to.x + to.width / 2;
  const y = where === "top" ? to.y + Math.min(10, to.height / 4) : to.y + to.height / 2;
  await page.mouse.move(x, y, { steps: 20 });
  await page.mouse.move(x, y + 2, { steps: 3 });
  await page.mouse.up();
}

test.use({ viewport: { width: 1440, height: 900 } });

test("a supervisor sees every rep's cards, and the dashboard shows the API's summary", async ({ page, request }) => {
  const [riley, jordan] = await Promise.all([tokenFor(request, "riley@acme.demo"), tokenFor(request, "jordan@acme.demo")]);
  await signIn(page, "supervisor@acme.demo");
  await openBoard(page);
  await expect(page.getByText("Riley Rep").first()).toBeAttached();
  await expect(page.getByText("Jordan Rep").first()).toBeAttached();
  await page.screenshot({ path: `${ARTIFACTS}/pipeline-board.png`, fullPage: true });

  await expectDashboardEqualsApi(page, "/dashboard", "/api/v1/opportunities/pipeline/summary");
  await page.screenshot({ path: `${ARTIFACTS}/dashboard.png`, fullPage: true });
  await page.getByLabel("Owner").selectOption({ label: "Riley Rep" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`owner=${riley.userId}`));
  await expect(page.getByText("Riley Rep's pipeline at a glance.")).toBeVisible();
  await expectDashboardEqualsApi(page, page.url(), `/api/v1/opportunities/pipeline/summary?assigned_to=${riley.userId}`);

  const prefix = `E2E Team ${Date.now()}`;
  await createDeal(request, riley, `${prefix} riley`, "QUALIFIED", "2500.00");
  await createDeal(request, jordan, `${prefix} jordan`, "QUALIFIED", "7500.00");
  await openBoard(page, prefix);
  const qualified = column(page, "QUALIFIED");
  await expect(qualified.getByTestId("board-card")).toHaveCount(2);
  await expect(qualified.getByTestId("column-total")).toHaveAttribute("data-value", "10000.00");
  await expect(qualified.getByTestId("column-weighted")).toHaveAttribute("data-value", "2500.00");
  await expect(card(page, `${prefix} riley`)).toContainText("RR");
  await expect(card(page, `${prefix} jordan`)).toContainText("JR");
});

test("a rep drags a card from Lead to Qualified with the mouse; after a reload it is still there", async ({ page, request }) => {
  const riley = await tokenFor(request, "riley@acme.demo");
  const name = `E2E Mouse ${Date.now()}`;
  const deal = await createDeal(request, riley, name);
  await signIn(page, "riley@acme.demo");
  await openBoard(page, name);
  await expect(column(page, "LEAD").getByTestId("board-card")).toHaveCount(1);

  const patched = stagePatch(page, deal.id);
  await drag(page, handle(page, name), column(page, "QUALIFIED"));
  expect((await patched).status()).toBe(200);
  await expect(column(page, "QUALIFIED").getByRole("link", { name })).toBeVisible();
  await expect(column(page, "QUALIFIED").getByTestId("column-count")).toContainText("1");
  await expect(column(page, "LEAD").getByTestId("board-card")).toHaveCount(0);

  await page.reload();
  await expect(column(page, "QUALIFIED").getByRole("link", { name })).toBeVisible();
  await expect(card(page, name)).toContainText("25%");
  expect((await readDeal(request, riley, deal.id)).stage).toBe("QUALIFIED");
});

test("a rep reorders cards inside a column and the order persists", async ({ page, request }) => {
  const riley = await tokenFor(request, "riley@acme.demo");
  const prefix = `E2E Order ${Date.now()}`;
  const a = await createDeal(request, riley, `${prefix} A`, "PROPOSAL");
  const b = await createDeal(request, riley, `${prefix} B`, "PROPOSAL");
  const c = await createDeal(request, riley, `${prefix} C`, "PROPOSAL");
  await signIn(page, "riley@acme.demo");
  await openBoard(page, prefix);
  // New cards go to the top of their column.
  await expect.poll(() => cardNames(page, "PROPOSAL")).toEqual([c.name, b.name, a.name]);

  const patched = stagePatch(page, a.id);
  await drag(page, handle(page, a.name), card(page, c.name), "top");
  const response = await patched;
  expect(response.status()).toBe(200);
  expect(response.request().postDataJSON()).toMatchObject({ stage: "PROPOSAL", after_id: c.id });
  await expect.poll(() => cardNames(page, "PROPOSAL")).toEqual([a.name, c.name, b.name]);

  await page.reload();
  await expect.poll(() => cardNames(page, "PROPOSAL")).toEqual([a.name, c.name, b.name]);
});

test("dropping on Closed lost asks for a reason: cancel puts the card back, a reason closes it at 0%", async ({ page, request }) => {
  const riley = await tokenFor(request, "riley@acme.demo");
  const name = `E2E Lost ${Date.now()}`;
  const deal = await createDeal(request, riley, name, "NEGOTIATION", "4200.00");
  await signIn(page, "riley@acme.demo");
  await openBoard(page, name);

  await drag(page, handle(page, name), column(page, "CLOSED_LOST"));
  const dialog = page.getByRole("dialog", { name: "Mark as lost" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(column(page, "NEGOTIATION").getByRole("link", { name })).toBeVisible();
  await expect(column(page, "CLOSED_LOST").getByRole("link", { name })).toHaveCount(0);

  await drag(page, handle(page, name), column(page, "CLOSED_LOST"));
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Mark as lost" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Enter the reason the deal was lost.");
  await dialog.getByLabel("Loss reason").fill("Budget moved to next year");
  const patched = stagePatch(page, deal.id);
  await dialog.getByRole("button", { name: "Mark as lost" }).click();
  expect((await patched).status()).toBe(200);
  await expect(dialog).toBeHidden();
  await expect(column(page, "CLOSED_LOST").getByRole("link", { name })).toBeVisible();
  await expect(card(page, name)).toContainText("0%");

  const saved = await readDeal(request, riley, deal.id);
  expect(saved).toMatchObject({ stage: "CLOSED_LOST", probability: "0.00", loss_reason: "Budget moved to next year" });
});

test("closing lost from the board offers the company's loss reasons (keyboard only)", async ({ page, request }) => {
  const riley = await tokenFor(request, "riley@acme.demo");
  const name = `E2E Reason ${Date.now()}`;
  const deal = await createDeal(request, riley, name, "NEGOTIATION", "1300.00");
  const reasons = (await (await request.get("/api/v1/loss-reasons", { headers: bearer(riley) })).json()) as {
    items: { id: string; label: string }[];
  };
  const reason = reasons.items.find((r) => r.label === "No budget")!;
  await signIn(page, "riley@acme.demo");
  await openBoard(page, name);

  // Each key once the board has announced the last: a key pressed before the drag is picked up is not a move.
  const liveRegion = dndLiveRegion(page);
  await handle(page, name).focus();
  await page.keyboard.press("Space");
  await expect(liveRegion).toContainText(`Picked up ${name} in Negotiation`);
  await page.keyboard.press("ArrowRight");
  await expect(liveRegion).toContainText(`${name} is over Closed won`);
  await page.keyboard.press("ArrowRight");
  await expect(liveRegion).toContainText(`${name} is over Closed lost`);
  await page.keyboard.press("Space");
  const dialog = page.getByRole("dialog", { name: "Mark as lost" });
  await expect(dialog).toBeVisible();
  const list = dialog.getByRole("combobox", { name: "Reason from the list" });
  await list.focus();
  await list.selectOption({ label: "No budget" });
  await expect(dialog.getByLabel("Loss reason", { exact: true })).toHaveValue("No budget");
  const patched = stagePatch(page, deal.id);
  await dialog.getByRole("button", { name: "Mark as lost" }).focus();
  await page.keyboard.press("Enter");
  const sent = await patched;
  expect(sent.status()).toBe(200);
  expect(sent.request().postDataJSON()).toMatchObject({ stage: "CLOSED_LOST", loss_reason: "No budget", loss_reason_id: reason.id });
  await expect(column(page, "CLOSED_LOST").getByRole("link", { name })).toBeVisible();
  const saved = (await readDeal(request, riley, deal.id)) as Deal & { loss_reason_id: string | null };
  expect(saved).toMatchObject({ stage: "CLOSED_LOST", loss_reason: "No budget", loss_reason_id: reason.id });
});

test("a card moves with the keyboard only, announced to screen readers", async ({ page, request }) => {
  const riley = await tokenFor(request, "riley@acme.demo");
  const name = `E2E Keys ${Date.now()}`;
  const deal = await createDeal(request, riley, name);
  await signIn(page, "riley@acme.demo");
  await openBoard(page, name);
  const liveRegion = dndLiveRegion(page);

  await handle(page, name).focus();
  await page.keyboard.press("Space");
  await expect(liveRegion).toContainText(`Picked up ${name} in Lead`);
  await page.keyboard.press("ArrowRight");
  await expect(liveRegion).toContainText(`${name} is over Qualified`);
  const patched = stagePatch(page, deal.id);
  await page.keyboard.press("Space");
  expect((await patched).status()).toBe(200);
  await expect(liveRegion).toContainText(`${name} was dropped in Qualified`);
  await expect(column(page, "QUALIFIED").getByRole("link", { name })).toBeVisible();
  expect((await readDeal(request, riley, deal.id)).stage).toBe("QUALIFIED");
});

test("a rep's closed card has no move handle and does not move; the API refuses to change its stage", async ({ page, request }) => {
  const riley = await tokenFor(request, "riley@acme.demo");
  const name = `E2E Final ${Date.now()}`;
  const deal = await createDeal(request, riley, name);
  const closed = await request.patch(`/api/v1/opportunities/${deal.id}/stage`, { headers: bearer(riley), data: { stage: "CLOSED_WON" } });
  expect(closed.status()).toBe(200);
  await signIn(page, "riley@acme.demo");
  await openBoard(page, name);

  await expect(column(page, "CLOSED_WON").getByRole("link", { name })).toBeVisible();
  await expect(handle(page, name)).toHaveCount(0);
  let writes = 0;
  page.on("request", (req) => {
    if (req.url().includes(`/api/v1/opportunities/${deal.id}`) && req.method() !== "GET") writes += 1;
  });
  await drag(page, card(page, name).getByText(name, { exact: true }), column(page, "LEAD"));
  await expect(column(page, "CLOSED_WON").getByRole("link", { name })).toBeVisible();
  await expect(column(page, "LEAD").getByTestId("board-card")).toHaveCount(0);
  expect(writes).toBe(0);
  const refused = await request.patch(`/api/v1/opportunities/${deal.id}/stage`, { headers: bearer(riley), data: { stage: "LEAD" } });
  expect(refused.status()).toBe(409);
});

test("a rep cannot see another rep's deal, on the board, its page or the API", async ({ page, request }) => {
  const jordan = await tokenFor(request, "jordan@acme.demo");
  const name = `E2E Jordan only ${Date.now()}`;
  const deal = await createDeal(request, jordan, name);
  await signIn(page, "riley@acme.demo");

  await page.goto(`/pipeline?q=${encodeURIComponent(name)}`);
  await expect(page.getByText("No deals match these filters")).toBeVisible();
  await openBoard(page);
  await expect(page.getByRole("link", { name })).toHaveCount(0);
  await expect(page.getByText("Jordan Rep")).toHaveCount(0);

  await page.goto(`/opportunities/${deal.id}`);
  await expect(page.getByText("Opportunity not found")).toBeVisible();
  expect((await page.request.get(`/api/v1/opportunities/${deal.id}`)).status()).toBe(404);
});

test("a column loads more cards on demand, by keyboard or as it scrolls, each page once", async ({ page, request }) => {
  const riley = await tokenFor(request, "riley@acme.demo");
  const prefix = `E2E More ${Date.now()}`;
  for (let i = 1; i <= 22; i++) await createDeal(request, riley, `${prefix} ${String(i).padStart(2, "0")}`, "NEGOTIATION");
  await signIn(page, "riley@acme.demo");
  await openBoard(page, prefix);
  const negotiation = column(page, "NEGOTIATION");
  await expect(negotiation.getByTestId("column-count")).toContainText("22");
  await expect(negotiation.getByTestId("board-card")).toHaveCount(20);
  const pages: string[] = [];
  page.on("request", (req) => void (req.url().includes("stage=NEGOTIATION") && req.url().includes("cursor=") && pages.push(req.url())));
  const page2 = page.waitForResponse((res) => res.url().includes("stage=NEGOTIATION") && res.url().includes("cursor="));
  // Focusing the button scrolls the column to its end, which may fetch the page before Enter does: either way, once.
  await negotiation.getByRole("button", { name: "Load more Negotiation deals" }).focus();
  await page.keyboard.press("Enter");
  expect((await page2).status()).toBe(200);
  await expect(negotiation.getByTestId("board-card")).toHaveCount(22);
  expect(pages).toHaveLength(1);
  await expect(negotiation.getByRole("button", { name: /Load more/ })).toHaveCount(0);
  await expect(negotiation.getByRole("link", { name: `${prefix} 01`, exact: true })).toBeVisible();
});

test("the board is usable at 375 px: columns scroll sideways with snap", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, "riley@acme.demo");
  await openBoard(page);
  const board = page.getByRole("region", { name: "Pipeline board" });
  const scroller = await board.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
    snap: getComputedStyle(el).scrollSnapType,
  }));
  expect(scroller.scrollWidth).toBeGreaterThan(scroller.clientWidth);
  expect(scroller.snap).toContain("x");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.screenshot({ path: `${ARTIFACTS}/pipeline-board-mobile.png` });
});

async function expectDashboardEqualsApi(page: Page, pageUrl: string, apiUrl: string) {
  if (page.url() !== new URL(pageUrl, page.url()).href) await page.goto(pageUrl);
  const res = await page.request.get(apiUrl);
  expect(res.status()).toBe(200);
  const summary = await res.json();
  for (const key of ["total_value", "weighted_value", "win_rate", "average_deal_size", "total_won", "total_lost", "active_opportunities"]) {
    await expect(page.getByTestId(`kpi-${key}`)).toHaveAttribute("data-value", String(summary[key]));
  }
  for (const [stage, totals] of Object.entries(summary.by_stage as Record<string, Record<string, unknown>>)) {
    const row = page.getByTestId(`stage-row-${stage}`);
    for (const field of ["count", "total_value", "weighted_value", "average_probability"]) {
      await expect(row.locator(`[data-field="${field}"]`)).toHaveAttribute("data-value", String(totals[field]));
    }
  }
}
