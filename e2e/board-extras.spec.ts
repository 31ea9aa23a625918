import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { bearer, inDays, signIn, tokenFor, type Session } from "./helpers";

/** The board as a Pipedrive or Twenty user expects it: sticky headers, collapsible columns, quick-add, card menu, live. */

type Deal = { id: string; name: string; stage: string };

async function firstClient(request: APIRequestContext, session: Session): Promise<{ id: string; name: string }> {
  const res = await request.get("/api/v1/clients?page_size=1", { headers: bearer(session) });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: { id: string; name: string }[] }).items[0]!;
}

async function createDeal(request: APIRequestContext, session: Session, name: string, stage = "LEAD", assignedTo?: string): Promise<Deal> {
  const res = await request.post("/api/v1/opportunities", {
    headers: bearer(session),
    data: {
      name,
      client_id: (await firstClient(request, session)).id,
      estimated_value: "1500.00",
      expected_close_date: inDays(30),
      stage,
      assigned_to: assignedTo,
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as Deal;
}

const column = (page: Page, stage: string) => page.getByTestId(`column-${stage}`);
const card = (page: Page, name: string) => page.getByTestId("board-card").filter({ has: page.getByRole("link", { name, exact: true }) });

async function openBoard(page: Page, q: string) {
  await page.goto(`/pipeline?q=${encodeURIComponent(q)}`);
  await expect(page.getByRole("region", { name: "Pipeline board" })).toHaveAttribute("data-live", "true", { timeout: 30_000 });
}

test.use({ viewport: { width: 1440, height: 900 } });

test("column headers stay in view while a long column scrolls; a folded column is remembered and still takes drops", async ({
  page,
  request,
}) => {
  const admin = await tokenFor(request, "admin@acme.demo");
  const tag = `Sticky ${Date.now()}`;
  for (let i = 0; i < 14; i++) await createDeal(request, admin, `${tag} ${String(i).padStart(2, "0")}`, "NEGOTIATION");
  await signIn(page, "admin@acme.demo");
  await openBoard(page, tag);

  const scroller = column(page, "NEGOTIATION").getByTestId("column-scroller");
  const header = column(page, "NEGOTIATION").getByTestId("column-header");
  const offset = async () => (await header.boundingBox())!.y - (await column(page, "NEGOTIATION").boundingBox())!.y;
  const before = await offset();
  await scroller.hover();
  await page.mouse.wheel(0, 3000);
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(300);
  // New deals go on top: the first one created is at the bottom.
  await expect(card(page, `${tag} 00`)).toBeInViewport();
  await expect(header).toBeInViewport();
  expect(await offset()).toBeCloseTo(before, 0);

  await page.getByRole("button", { name: "Collapse Negotiation" }).click();
  await expect(column(page, "NEGOTIATION")).toHaveAttribute("data-collapsed", "true");
  await expect(column(page, "NEGOTIATION").getByTestId("board-card")).toHaveCount(0);
  await page.reload();
  const expand = page.getByRole("button", { name: /^Expand Negotiation/ });
  await expect(expand).toBeVisible();

  // Dropping a card on the folded column moves it there.
  const moving = await createDeal(request, admin, `${tag} mover`, "PROPOSAL");
  await openBoard(page, tag);
  const from = (await card(page, moving.name).boundingBox())!;
  const to = (await column(page, "NEGOTIATION").boundingBox())!;
  const saved = page.waitForResponse((res) => res.url().endsWith(`/api/v1/opportunities/${moving.id}/stage`));
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + 30, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 20 });
  await page.mouse.move(to.x + to.width / 2, to.y + 82, { steps: 3 });
  await page.mouse.up();
  expect((await saved).status()).toBe(200);
  await expect(column(page, "NEGOTIATION").getByTestId("column-count")).toHaveText("15");

  // The keyboard opens it again.
  await expand.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Collapse Negotiation" })).toBeVisible();
  await expect(card(page, moving.name)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "Collapse Negotiation" })).toBeVisible();
});

test("quick-add creates a deal in its column, with the keyboard", async ({ page, request }) => {
  const rep = await tokenFor(request, "riley@acme.demo");
  const client = await firstClient(request, rep);
  const tag = `Quick ${Date.now()}`;
  const name = `${tag} new`;
  await createDeal(request, rep, `${tag} anchor`, "LEAD");
  await signIn(page, "riley@acme.demo");
  await openBoard(page, tag);

  await page.getByRole("button", { name: "Add a deal to Qualified" }).focus();
  await page.keyboard.press("Enter");
  const form = page.getByRole("form", { name: "New deal in Qualified" });
  await expect(form.getByLabel("Deal name")).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press("Tab");
  await form.getByLabel("Client").selectOption({ label: client.name });
  await page.keyboard.press("Tab");
  await page.keyboard.type("abc");
  await page.keyboard.press("Enter");
  await expect(form.getByRole("alert")).toContainText("value");

  await form.getByLabel("Value").fill("2500");
  const created = page.waitForResponse((res) => res.url().endsWith("/api/v1/opportunities") && res.request().method() === "POST");
  await page.keyboard.press("Enter");
  const deal = (await (await created).json()) as Deal & { estimated_value: string; assigned_to: string };
  expect(deal).toMatchObject({ name, stage: "QUALIFIED", estimated_value: "2500.00", assigned_to: rep.userId });
  // What the form says: "In your company's currency, closing in 30 days."
  await expect(form).toContainText("In your company's currency, closing in 30 days.");
  expect(deal).toMatchObject({ currency: "USD", expected_close_date: inDays(30) });
  await expect(column(page, "QUALIFIED").getByRole("link", { name, exact: true })).toBeVisible();
  await expect(form.getByLabel("Deal name")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Add a deal to Qualified" })).toBeVisible();
  await expect(column(page, "CLOSED_WON").getByRole("button", { name: /^Add a deal/ })).toHaveCount(0);
});

test("the card menu opens, marks won or lost and deletes (admins), by keyboard and mouse", async ({ page, request }) => {
  const admin = await tokenFor(request, "admin@acme.demo");
  const tag = `Menu ${Date.now()}`;
  const won = await createDeal(request, admin, `${tag} won`, "PROPOSAL");
  const lost = await createDeal(request, admin, `${tag} lost`, "PROPOSAL");
  const gone = await createDeal(request, admin, `${tag} gone`, "LEAD");
  await signIn(page, "admin@acme.demo");
  await openBoard(page, tag);

  const menuButton = page.getByRole("button", { name: `Actions for ${won.name}` });
  await menuButton.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: `Actions for ${won.name}` });
  await expect(menu.getByRole("menuitem", { name: "Open" })).toBeFocused();
  await expect(menu.getByRole("menuitem")).toHaveText([
    "Open",
    "Edit",
    "Mark as won",
    "Mark as lost",
    "Forecast: Pipeline",
    "Forecast: Commit",
    "Forecast: Omitted",
    "Delete",
  ]);
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(menuButton).toBeFocused();

  await page.keyboard.press("Enter");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Mark as won" })).toBeFocused();
  await page.keyboard.press("Enter");
  const saved = page.waitForResponse((res) => res.url().endsWith(`/api/v1/opportunities/${won.id}/stage`));
  await page.getByRole("dialog").getByRole("button", { name: "Mark as won" }).click();
  expect((await saved).status()).toBe(200);
  await expect(column(page, "CLOSED_WON").getByRole("link", { name: won.name, exact: true })).toBeVisible();
  await page.getByRole("button", { name: `Actions for ${won.name}` }).click();
  await expect(page.getByRole("menu").getByRole("menuitem")).toHaveText(["Open", "Delete"]);
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: `Actions for ${lost.name}` }).click();
  await page.getByRole("menuitem", { name: "Mark as lost" }).click();
  const lossDialog = page.getByRole("dialog", { name: "Mark as lost" });
  await expect(lossDialog).toBeVisible();
  await lossDialog.getByRole("textbox").fill("Went with a competitor");
  const lostSaved = page.waitForResponse((res) => res.url().endsWith(`/api/v1/opportunities/${lost.id}/stage`));
  await lossDialog.getByRole("button", { name: /Mark as lost/ }).click();
  expect((await lostSaved).status()).toBe(200);
  await expect(column(page, "CLOSED_LOST").getByRole("link", { name: lost.name, exact: true })).toBeVisible();

  await page.getByRole("button", { name: `Actions for ${gone.name}` }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  const deleted = page.waitForResponse(
    (res) => res.url().endsWith(`/api/v1/opportunities/${gone.id}`) && res.request().method() === "DELETE",
  );
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  expect((await deleted).status()).toBe(204);
  await expect(card(page, gone.name)).toHaveCount(0);
  expect((await request.get(`/api/v1/opportunities/${gone.id}`, { headers: bearer(admin) })).status()).toBe(404);

  await page.getByRole("menuitem").first().waitFor({ state: "detached" });
  await page.getByRole("button", { name: `Actions for ${lost.name}` }).click();
  await page.getByRole("menuitem", { name: "Open" }).click();
  await expect(page).toHaveURL(new RegExp(`/opportunities/${lost.id}$`));
});

test("a rep's card menu offers no delete, and sets the deal's forecast category", async ({ page, request }) => {
  const rep = await tokenFor(request, "riley@acme.demo");
  const deal = await createDeal(request, rep, `Rep menu ${Date.now()}`);
  await signIn(page, "riley@acme.demo");
  await openBoard(page, deal.name);
  await page.getByRole("button", { name: `Actions for ${deal.name}` }).click();
  await expect(page.getByRole("menu").getByRole("menuitem")).toHaveText([
    "Open",
    "Edit",
    "Mark as won",
    "Mark as lost",
    "Forecast: Best case",
    "Forecast: Commit",
    "Forecast: Omitted",
  ]);
  const saved = page.waitForResponse((res) => res.url().endsWith("/api/v1/opportunities/bulk"));
  await page.getByRole("menuitem", { name: "Forecast: Commit" }).click();
  expect((await saved).status()).toBe(200);
  await expect(card(page, deal.name).getByText("Commit")).toBeVisible();
  const stored = await request.get(`/api/v1/opportunities/${deal.id}`, { headers: bearer(rep) });
  expect(await stored.json()).toMatchObject({ forecast_category: "COMMIT", forecast_category_is_custom: true });
});

test("boards update live when someone else adds, moves or closes a deal, within each viewer's scope", async ({ browser, request }) => {
  const admin = await tokenFor(request, "admin@acme.demo");
  const riley = await tokenFor(request, "riley@acme.demo");
  const jordan = await tokenFor(request, "jordan@acme.demo");
  const tag = `Live ${Date.now()}`;
  const managerContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const repContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const manager = await managerContext.newPage();
  const rep = await repContext.newPage();
  // An empty board shows "No deals match"; one deal of the rep's puts both boards on screen.
  await createDeal(request, riley, `${tag} anchor`, "NEGOTIATION");
  await signIn(manager, "admin@acme.demo");
  await signIn(rep, "riley@acme.demo");
  await openBoard(manager, tag);
  await openBoard(rep, tag);

  // The rep adds a deal on their board: the manager's board shows it.
  const added = await createDeal(request, riley, `${tag} riley`, "LEAD");
  await expect(column(manager, "LEAD").getByRole("link", { name: added.name, exact: true })).toBeVisible();
  await expect(column(manager, "LEAD").getByTestId("column-count")).toHaveText("Deals: 1");

  // The manager moves it: the rep's board follows, totals included.
  const move = await request.patch(`/api/v1/opportunities/${added.id}/stage`, { headers: bearer(admin), data: { stage: "PROPOSAL" } });
  expect(move.status()).toBe(200);
  await expect(column(rep, "PROPOSAL").getByRole("link", { name: added.name, exact: true })).toBeVisible();
  await expect(column(rep, "LEAD").getByTestId("column-count")).toHaveText("Deals: 0");

  // Another rep's deal shows on the manager's board only.
  const others = await createDeal(request, jordan, `${tag} jordan`, "LEAD");
  await expect(column(manager, "LEAD").getByRole("link", { name: others.name, exact: true })).toBeVisible();

  // The manager closes the rep's deal as won: the rep's board moves it to Won.
  const close = await request.patch(`/api/v1/opportunities/${added.id}/stage`, { headers: bearer(admin), data: { stage: "CLOSED_WON" } });
  expect(close.status()).toBe(200);
  await expect(column(rep, "CLOSED_WON").getByRole("link", { name: added.name, exact: true })).toBeVisible();
  await expect(card(rep, others.name)).toHaveCount(0);

  await managerContext.close();
  await repContext.close();
});
