import { expect, test, type APIRequestContext, type Locator, type Page, type Response } from "@playwright/test";
import { bearer, dndLiveRegion as liveRegion, inDays, openBoard, signIn, tokenFor, type Session } from "./helpers";

/** Issue 16 items 1, 2, 6 and 7: keyboard and touch moves land where shown, closed cards, reopen, Undo, probability. */

type Deal = { id: string; name: string; version: number; stage: string; probability: string };

async function firstClientId(request: APIRequestContext, session: Session): Promise<string> {
  const res = await request.get("/api/v1/clients?page_size=1", { headers: bearer(session) });
  return ((await res.json()) as { items: { id: string }[] }).items[0]!.id;
}

async function createDeal(request: APIRequestContext, session: Session, name: string, stage = "LEAD", extra: object = {}): Promise<Deal> {
  const res = await request.post("/api/v1/opportunities", {
    headers: bearer(session),
    data: {
      name,
      client_id: await firstClientId(request, session),
      estimated_value: "1000.00",
      expected_close_date: inDays(30),
      stage,
      ...extra,
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as Deal;
}

const column = (page: Page, stage: string) => page.getByTestId(`column-${stage}`);
const card = (page: Page, name: string) => page.getByTestId("board-card").filter({ has: page.getByRole("link", { name, exact: true }) });
const handle = (page: Page, name: string) => page.getByRole("button", { name: `Move ${name}`, exact: true });
const cardNames = (page: Page, stage: string) => column(page, stage).getByTestId("board-card").getByRole("link").allTextContents();
/** The toast saying `text` (other toasts may be showing too). */
const toastWith = (page: Page, text: string | RegExp) => page.locator("[data-sonner-toast]").filter({ hasText: text });

function saved(page: Page, id: string, route: "stage" | "reopen" = "stage"): Promise<Response> {
  return page.waitForResponse((res) => res.url().endsWith(`/api/v1/opportunities/${id}/${route}`) && res.request().method() !== "GET");
}

/** A real mouse drag: press on the handle, pass the activation distance, glide to the target, release. */
async function drag(page: Page, source: Locator, target: Locator) {
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  const startX = from.x + from.width / 2;
  const startY = from.y + from.height / 2;
  await page.mouse.move(startX, startY);
  await page.mouse.down();
  await page.mouse.move(startX + 10, startY + 10, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 + 2, { steps: 3 });
  await page.mouse.up();
}

test.describe("desktop", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("the keyboard moves a card to the next column and within it, announcing exactly the place it saves", async ({ page, request }) => {
    const riley = await tokenFor(request, "riley@acme.demo");
    const prefix = `E2E KeyMove ${Date.now()}`;
    const x = await createDeal(request, riley, `${prefix} X`, "QUALIFIED");
    const b = await createDeal(request, riley, `${prefix} B`);
    const a = await createDeal(request, riley, `${prefix} A`);
    await signIn(page, "riley@acme.demo");
    await openBoard(page, prefix);
    await expect.poll(() => cardNames(page, "LEAD")).toEqual([a.name, b.name]);

    await handle(page, b.name).focus();
    await page.keyboard.press("Space");
    await expect(liveRegion(page)).toHaveText(`Picked up ${b.name} in Lead, position 2 of 2.`);
    await page.keyboard.press("ArrowRight");
    await expect(liveRegion(page)).toHaveText(`${b.name} is over Qualified, position 2 of 2.`);
    await page.keyboard.press("ArrowUp");
    await expect(liveRegion(page)).toHaveText(`${b.name} is over Qualified, position 1 of 2.`);
    await page.keyboard.press("ArrowDown");
    await expect(liveRegion(page)).toHaveText(`${b.name} is over Qualified, position 2 of 2.`);
    await page.keyboard.press("ArrowUp");
    await expect(liveRegion(page)).toHaveText(`${b.name} is over Qualified, position 1 of 2.`);

    const response = saved(page, b.id);
    await page.keyboard.press("Space");
    const patch = await response;
    expect(patch.status()).toBe(200);
    expect(patch.request().postDataJSON()).toMatchObject({ stage: "QUALIFIED", after_id: x.id });
    expect(await patch.json()).toMatchObject({ stage: "QUALIFIED", probability: "25.00" });
    await expect(liveRegion(page)).toHaveText(`${b.name} was dropped in Qualified, position 1 of 2.`);
    await expect.poll(() => cardNames(page, "QUALIFIED")).toEqual([b.name, x.name]);
    await expect(toastWith(page, `“${b.name}” moved to Qualified · probability 25%`)).toBeVisible();

    await page.reload();
    await expect.poll(() => cardNames(page, "QUALIFIED")).toEqual([b.name, x.name]);
    await expect.poll(() => cardNames(page, "LEAD")).toEqual([a.name]);
  });

  test("the keyboard moves within the column, and Escape cancels a move without saving", async ({ page, request }) => {
    const riley = await tokenFor(request, "riley@acme.demo");
    const prefix = `E2E KeyOrder ${Date.now()}`;
    const c = await createDeal(request, riley, `${prefix} C`, "PROPOSAL");
    const b = await createDeal(request, riley, `${prefix} B`, "PROPOSAL");
    const a = await createDeal(request, riley, `${prefix} A`, "PROPOSAL");
    await signIn(page, "riley@acme.demo");
    await openBoard(page, prefix);
    await expect.poll(() => cardNames(page, "PROPOSAL")).toEqual([a.name, b.name, c.name]);

    let writes = 0;
    page.on("request", (req) => {
      if (req.url().includes("/api/v1/opportunities/") && req.method() !== "GET") writes += 1;
    });
    await handle(page, a.name).focus();
    await page.keyboard.press("Space");
    await expect(liveRegion(page)).toHaveText(`Picked up ${a.name} in Proposal, position 1 of 3.`);
    await page.keyboard.press("ArrowRight");
    await expect(liveRegion(page)).toHaveText(`${a.name} is over Negotiation, position 1 of 1.`);
    await page.keyboard.press("Escape");
    await expect(liveRegion(page)).toHaveText(`Moving ${a.name} was cancelled. It stays in Proposal, position 1 of 3.`);
    await expect.poll(() => cardNames(page, "PROPOSAL")).toEqual([a.name, b.name, c.name]);

    await handle(page, a.name).focus();
    await page.keyboard.press("Space");
    await expect(liveRegion(page)).toHaveText(`Picked up ${a.name} in Proposal, position 1 of 3.`);
    await page.keyboard.press("ArrowDown");
    await expect(liveRegion(page)).toHaveText(`${a.name} is over Proposal, position 2 of 3.`);
    await page.keyboard.press("ArrowDown");
    await expect(liveRegion(page)).toHaveText(`${a.name} is over Proposal, position 3 of 3.`);
    const response = saved(page, a.id);
    await page.keyboard.press("Enter");
    const patch = await response;
    expect(patch.request().postDataJSON()).toMatchObject({ stage: "PROPOSAL", before_id: c.id });
    expect(writes).toBe(1);
    await expect.poll(() => cardNames(page, "PROPOSAL")).toEqual([b.name, c.name, a.name]);
    await page.reload();
    await expect.poll(() => cardNames(page, "PROPOSAL")).toEqual([b.name, c.name, a.name]);
  });

  test("Undo after a move puts the card back in its column and place, at its old probability", async ({ page, request }) => {
    const riley = await tokenFor(request, "riley@acme.demo");
    const prefix = `E2E Undo ${Date.now()}`;
    const c = await createDeal(request, riley, `${prefix} C`, "PROPOSAL");
    const b = await createDeal(request, riley, `${prefix} B`, "PROPOSAL");
    const a = await createDeal(request, riley, `${prefix} A`, "PROPOSAL");
    await signIn(page, "riley@acme.demo");
    await openBoard(page, prefix);
    await expect.poll(() => cardNames(page, "PROPOSAL")).toEqual([a.name, b.name, c.name]);

    const moved = saved(page, b.id);
    await drag(page, handle(page, b.name), column(page, "NEGOTIATION"));
    expect(await (await moved).json()).toMatchObject({ stage: "NEGOTIATION", probability: "75.00" });
    const toast = toastWith(page, `“${b.name}” moved to Negotiation · probability 75%`);
    await expect(toast).toBeVisible();

    const undone = saved(page, b.id);
    await toast.getByRole("button", { name: "Undo" }).click();
    const undo = await undone;
    expect(undo.request().postDataJSON()).toMatchObject({ stage: "PROPOSAL", before_id: a.id, after_id: c.id });
    expect(await undo.json()).toMatchObject({ stage: "PROPOSAL", probability: "50.00" });
    await expect(toastWith(page, `“${b.name}” is back in Proposal · probability 50%`)).toBeVisible();
    await expect.poll(() => cardNames(page, "PROPOSAL")).toEqual([a.name, b.name, c.name]);
    await expect(card(page, b.name)).toContainText("50%");
    await page.reload();
    await expect.poll(() => cardNames(page, "PROPOSAL")).toEqual([a.name, b.name, c.name]);
  });

  test("Undo after closing as won reopens the deal where it was", async ({ page, request }) => {
    const riley = await tokenFor(request, "riley@acme.demo");
    const name = `E2E UndoWon ${Date.now()}`;
    const deal = await createDeal(request, riley, name, "NEGOTIATION");
    await signIn(page, "riley@acme.demo");
    await openBoard(page, name);

    const closed = saved(page, deal.id);
    await drag(page, handle(page, name), column(page, "CLOSED_WON"));
    await page.getByRole("dialog", { name: "Mark as won?" }).getByRole("button", { name: "Mark as won" }).click();
    expect(await (await closed).json()).toMatchObject({ stage: "CLOSED_WON", probability: "100.00" });
    const toast = toastWith(page, `“${name}” is won`);
    await expect(toast).toBeVisible();
    // The rep cannot move a closed card: no handle on it.
    await expect(column(page, "CLOSED_WON").getByRole("link", { name })).toBeVisible();
    await expect(handle(page, name)).toHaveCount(0);

    const reopened = saved(page, deal.id, "reopen");
    await toast.getByRole("button", { name: "Undo" }).click();
    const response = await reopened;
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ stage: "NEGOTIATION", probability: "75.00", actual_close_date: null, fx_rate: null });
    await expect(column(page, "NEGOTIATION").getByRole("link", { name })).toBeVisible();
    await expect(column(page, "CLOSED_WON").getByTestId("board-card")).toHaveCount(0);
    await expect(handle(page, name)).toBeVisible();
  });

  test("a hand-set probability stays through a move; a default one follows the stage", async ({ page, request }) => {
    const riley = await tokenFor(request, "riley@acme.demo");
    const prefix = `E2E Prob ${Date.now()}`;
    const custom = await createDeal(request, riley, `${prefix} custom`, "LEAD", { probability: "33" });
    const plain = await createDeal(request, riley, `${prefix} plain`, "LEAD");
    await signIn(page, "riley@acme.demo");
    await openBoard(page, prefix);

    const first = saved(page, custom.id);
    await drag(page, handle(page, custom.name), column(page, "PROPOSAL"));
    expect(await (await first).json()).toMatchObject({ stage: "PROPOSAL", probability: "33.00", probability_is_custom: true });
    await expect(toastWith(page, `“${custom.name}” moved to Proposal`)).toBeVisible();
    await expect(toastWith(page, `“${custom.name}” moved to Proposal`)).not.toContainText("probability");
    await expect(card(page, custom.name)).toContainText("33%");

    const second = saved(page, plain.id);
    await drag(page, handle(page, plain.name), column(page, "PROPOSAL"));
    expect(await (await second).json()).toMatchObject({ probability: "50.00", probability_is_custom: false });
    await expect(toastWith(page, `“${plain.name}” moved to Proposal · probability 50%`)).toBeVisible();
    await expect(card(page, plain.name)).toContainText("50%");
  });

  test("a manager reopens a closed deal from its card, choosing the stage and giving a reason", async ({ page, request }) => {
    const riley = await tokenFor(request, "riley@acme.demo");
    const name = `E2E Reopen ${Date.now()}`;
    const deal = await createDeal(request, riley, name, "PROPOSAL");
    const lost = await request.patch(`/api/v1/opportunities/${deal.id}/stage`, {
      headers: bearer(riley),
      data: { stage: "CLOSED_LOST", loss_reason: "Budget cut" },
    });
    expect(lost.status()).toBe(200);

    await signIn(page, "riley@acme.demo");
    await openBoard(page, name);
    await expect(column(page, "CLOSED_LOST").getByRole("link", { name })).toBeVisible();
    await expect(handle(page, name)).toHaveCount(0);
    await expect(page.getByRole("button", { name: `Reopen ${name}` })).toHaveCount(0);

    await page.context().clearCookies();
    await signIn(page, "supervisor@acme.demo");
    await openBoard(page, name);
    await expect(handle(page, name)).toBeVisible();
    await page.getByRole("button", { name: `Reopen ${name}` }).click();
    const dialog = page.getByRole("dialog", { name: "Reopen deal" });
    await dialog.getByLabel("Stage").selectOption({ label: "Proposal" });
    await dialog.getByRole("button", { name: "Reopen" }).click();
    await expect(dialog.getByText("Enter why the deal is reopened.")).toBeVisible();
    await dialog.getByLabel("Reason").fill("The budget came back");
    const reopened = saved(page, deal.id, "reopen");
    await dialog.getByRole("button", { name: "Reopen" }).click();
    const response = await reopened;
    expect(response.request().postDataJSON()).toMatchObject({ stage: "PROPOSAL", reason: "The budget came back" });
    expect(await response.json()).toMatchObject({ stage: "PROPOSAL", probability: "50.00", loss_reason: null });
    await expect(column(page, "PROPOSAL").getByRole("link", { name })).toBeVisible();
    await expect(toastWith(page, `“${name}” reopened in Proposal · probability 50%`)).toBeVisible();
    await expect(handle(page, name)).toBeFocused();
  });
});

test.describe("phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("a touch drag released over the peeking next column saves that column", async ({ page, request }) => {
    const riley = await tokenFor(request, "riley@acme.demo");
    const name = `E2E Touch ${Date.now()}`;
    const deal = await createDeal(request, riley, name);
    await signIn(page, "riley@acme.demo");
    await openBoard(page, name);
    const board = page.getByRole("region", { name: "Pipeline board" });
    const source = (await card(page, name).boundingBox())!;
    const qualified = (await column(page, "QUALIFIED").boundingBox())!;
    // The next column peeks at the right edge of the phone: the finger goes a few pixels into it.
    expect(qualified.x).toBeLessThan(390 - 40);
    const target = { x: qualified.x + 16, y: source.y + source.height / 2 };
    const startScroll = await board.evaluate((el) => el.scrollLeft);

    const cdp = await page.context().newCDPSession(page);
    const touch = (type: "touchStart" | "touchMove" | "touchEnd", x: number, y: number) =>
      cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x, y }] });
    const start = { x: source.x + source.width / 2, y: source.y + source.height / 2 };
    await touch("touchStart", start.x, start.y);
    await expect(liveRegion(page)).toContainText(`Picked up ${name}`);
    for (let i = 1; i <= 12; i++)
      await touch("touchMove", start.x + ((target.x - start.x) * i) / 12, start.y + ((target.y - start.y) * i) / 12);
    await expect(liveRegion(page)).toContainText(`${name} is over Qualified`);
    // The user holds still over the peeking column for a moment (30 frames): the board must not run on.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          let frames = 0;
          const tick = () => (++frames >= 30 ? resolve() : requestAnimationFrame(tick));
          requestAnimationFrame(tick);
        }),
    );
    expect(await board.evaluate((el) => el.scrollLeft)).toBe(startScroll);
    await expect(column(page, "QUALIFIED").getByTestId("board-card")).toHaveCount(1);

    const response = saved(page, deal.id);
    await touch("touchEnd", target.x, target.y);
    const patch = await response;
    expect(await patch.json()).toMatchObject({ stage: "QUALIFIED" });
    await expect(toastWith(page, `“${name}” moved to Qualified · probability 25%`)).toBeVisible();
  });
});
