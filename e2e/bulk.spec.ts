import { expect, test, type APIRequestContext } from "@playwright/test";
import { bearer, inDays, signIn, tokenFor, type Session } from "./helpers";

/** Many deals at once from the list: select, act, read the result, undo; delete asks first. */

async function createDeals(request: APIRequestContext, session: Session, prefix: string, count: number): Promise<string[]> {
  const clientId = (await (await request.get("/api/v1/clients?page_size=1", { headers: bearer(session) })).json()).items[0].id;
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const res = await request.post("/api/v1/opportunities", {
      headers: bearer(session),
      data: { name: `${prefix} ${i}`, client_id: clientId, estimated_value: "1000.00", expected_close_date: inDays(20) },
    });
    expect(res.status(), await res.text()).toBe(201);
    ids.push((await res.json()).id);
  }
  return ids;
}

const stageOf = async (request: APIRequestContext, session: Session, id: string) =>
  (await (await request.get(`/api/v1/opportunities/${id}`, { headers: bearer(session) })).json()).stage;

test("a manager moves two selected deals at once, undoes it, and deletes them after confirming", async ({ page, request }) => {
  const admin = await tokenFor(request, "admin@acme.demo");
  const prefix = `E2E Bulk ${Date.now()}`;
  const ids = await createDeals(request, admin, prefix, 2);

  await signIn(page, "admin@acme.demo");
  await page.goto(`/opportunities?q=${encodeURIComponent(prefix)}`);
  await page.getByRole("checkbox", { name: `Select ${prefix} 1` }).check();
  await page.getByRole("checkbox", { name: `Select ${prefix} 2` }).check();
  const bar = page.getByRole("toolbar", { name: "Selected deals" });
  await expect(bar).toContainText("2 deals selected");

  await bar.getByLabel("Move to").selectOption("QUALIFIED");
  await bar.getByRole("button", { name: "Move" }).click();
  const toast = page.getByText("2 deals changed");
  await expect(toast).toBeVisible();
  await expect.poll(() => stageOf(request, admin, ids[0]!)).toBe("QUALIFIED");
  await expect(page.getByRole("row", { name: new RegExp(`${prefix} 1`) })).toContainText("Qualified");

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Undone")).toBeVisible();
  await expect.poll(() => stageOf(request, admin, ids[1]!)).toBe("LEAD");

  await page.getByRole("checkbox", { name: "Select every deal on this page" }).check();
  await bar.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("2 deals changed")).toBeVisible();
  expect((await request.get(`/api/v1/opportunities/${ids[0]}`, { headers: bearer(admin) })).status()).toBe(404);
});

test("a rep's bulk move reports the deals the rules refuse", async ({ page, request }) => {
  const riley = await tokenFor(request, "riley@acme.demo");
  const prefix = `E2E Bulk rep ${Date.now()}`;
  const [open, closing] = await createDeals(request, riley, prefix, 2);
  const won = await request.patch(`/api/v1/opportunities/${closing}/stage`, { headers: bearer(riley), data: { stage: "CLOSED_WON" } });
  expect(won.status()).toBe(200);

  await signIn(page, "riley@acme.demo");
  await page.goto(`/opportunities?q=${encodeURIComponent(prefix)}`);
  await page.getByRole("checkbox", { name: "Select every deal on this page" }).check();
  const bar = page.getByRole("toolbar", { name: "Selected deals" });
  await bar.getByLabel("Move to").selectOption("PROPOSAL");
  await bar.getByRole("button", { name: "Move" }).click();
  await expect(page.getByText("1 deal changed, 1 refused")).toBeVisible();
  await expect.poll(() => stageOf(request, riley, open!)).toBe("PROPOSAL");
  expect(await stageOf(request, riley, closing!)).toBe("CLOSED_WON");
});

test("on a 390 px phone, by keyboard alone: select with Space, choose a stage, apply, and undo", async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const admin = await tokenFor(request, "admin@acme.demo");
  const prefix = `E2E Bulk keys ${Date.now()}`;
  const ids = await createDeals(request, admin, prefix, 2);

  await signIn(page, "admin@acme.demo");
  await page.goto(`/opportunities?q=${encodeURIComponent(prefix)}`);
  for (const n of [1, 2]) {
    const box = page.getByRole("checkbox", { name: `Select ${prefix} ${n}` });
    await box.focus();
    await page.keyboard.press("Space");
    await expect(box).toBeChecked();
  }
  const bar = page.getByRole("toolbar", { name: "Selected deals" });
  await expect(bar).toContainText("2 deals selected");
  const barBox = (await bar.boundingBox())!;
  expect(barBox.x).toBeGreaterThanOrEqual(0);
  expect(barBox.x + barBox.width).toBeLessThanOrEqual(390);

  // Arrowing through the stages only chooses one; nothing moves until the choice is applied.
  const stage = bar.getByLabel("Move to");
  await stage.focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(stage).toHaveValue("QUALIFIED");
  await expect(page.getByText(/deals? changed/)).toHaveCount(0);
  expect(await stageOf(request, admin, ids[0]!)).toBe("LEAD");
  await page.keyboard.press("Tab");
  await expect(bar.getByRole("button", { name: "Move" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("2 deals changed")).toBeVisible();
  await expect.poll(() => stageOf(request, admin, ids[1]!)).toBe("QUALIFIED");

  // Sonner's hotkey (Alt+T) takes the keyboard to the toasts; Tab reaches the Undo action.
  await page.keyboard.press("Alt+T");
  const undo = page.getByRole("button", { name: "Undo" });
  for (let i = 0; i < 5 && !(await undo.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(undo).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Undone")).toBeVisible();
  await expect.poll(() => stageOf(request, admin, ids[0]!)).toBe("LEAD");
});
