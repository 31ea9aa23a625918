import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { bearer, inDays, signIn, tokenFor, type Session } from "./helpers";

async function createDeal(request: APIRequestContext, session: Session, name: string): Promise<{ id: string }> {
  const clients = await request.get("/api/v1/clients?page_size=1", { headers: bearer(session) });
  const clientId = ((await clients.json()) as { items: { id: string }[] }).items[0]!.id;
  const res = await request.post("/api/v1/opportunities", {
    headers: bearer(session),
    data: { name, client_id: clientId, estimated_value: "1000.00", expected_close_date: inDays(30) },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string };
}

/** A `datetime-local` value one hour ago in the browser's time zone: the follow-up is overdue at once. */
const anHourAgoInput = (page: Page) =>
  page.evaluate(() => {
    const at = new Date(Date.now() - 3_600_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
  });

async function drag(
  page: Page,
  from: { x: number; y: number; width: number; height: number },
  to: { x: number; y: number; width: number; height: number },
) {
  const x = from.x + from.width / 2;
  const y = from.y + from.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 10, y + 10, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 + 2, { steps: 3 });
  await page.mouse.up();
}

test.describe("at 1440 px", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("after a move the rep plans the next step from the toast, sees it on the card and completes it from Today", async ({
    page,
    request,
  }) => {
    const riley = await tokenFor(request, "riley@acme.demo");
    const name = `E2E Follow-up ${Date.now()}`;
    const deal = await createDeal(request, riley, name);
    await signIn(page, "riley@acme.demo");
    await page.goto(`/pipeline?q=${encodeURIComponent(name)}`);
    const card = page.getByTestId("board-card").filter({ has: page.getByRole("link", { name, exact: true }) });
    await expect(card).toContainText("No next step");

    const handle = page.getByRole("button", { name: `Move ${name}`, exact: true });
    const moved = page.waitForResponse(
      (res) => res.url().endsWith(`/api/v1/opportunities/${deal.id}/stage`) && res.request().method() === "PATCH",
    );
    await drag(page, (await handle.boundingBox())!, (await page.getByTestId("column-QUALIFIED").boundingBox())!);
    expect((await moved).status()).toBe(200);

    const prompt = page.locator("[data-sonner-toast]").filter({ hasText: `Plan the next step for ${name}?` });
    await expect(prompt).toBeVisible();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await prompt.getByRole("button", { name: "Plan next step" }).click();
    const dialog = page.getByRole("dialog", { name: `Next step for ${name}` });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("Subject").fill(`Call about ${name}`);
    await dialog.getByLabel("Due").fill(await anHourAgoInput(page));
    const created = page.waitForResponse((res) => res.url().endsWith("/api/v1/activities") && res.request().method() === "POST");
    await dialog.getByRole("button", { name: "Plan next step" }).click();
    expect((await created).status()).toBe(201);
    await expect(dialog).toBeHidden();
    await expect(card).toContainText(`Call · Call about ${name}`);
    await expect(card.getByText(`Call about ${name}`, { exact: false })).toHaveClass(/text-red-700/);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Today" }).click();
    const overdue = page.getByRole("region", { name: "Overdue" });
    const item = overdue.getByRole("listitem", { name: `Call about ${name}` });
    await expect(item).toBeVisible();
    const completed = page.waitForResponse((res) => /\/api\/v1\/activities\/[^/]+\/complete$/.test(res.url()));
    await item.getByRole("button", { name: "Done" }).click();
    expect((await completed).status()).toBe(200);
    await expect(item).toHaveCount(0);
    const open = await request.get(`/api/v1/activities?opportunity_id=${deal.id}&status=open`, { headers: bearer(riley) });
    expect(((await open.json()) as { total: number }).total).toBe(0);
  });
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("a rep reschedules an overdue follow-up from Today with taps", async ({ page, request }) => {
    const riley = await tokenFor(request, "riley@acme.demo");
    const name = `E2E Phone ${Date.now()}`;
    const deal = await createDeal(request, riley, name);
    const res = await request.post("/api/v1/activities", {
      headers: bearer(riley),
      data: {
        type: "TASK",
        subject: `Send terms for ${name}`,
        opportunity_id: deal.id,
        due_at: new Date(Date.now() - 7_200_000).toISOString(),
      },
    });
    expect(res.status()).toBe(201);
    await signIn(page, "riley@acme.demo", "/today");
    await page.goto("/today");
    const item = page.getByRole("region", { name: "Overdue" }).getByRole("listitem", { name: `Send terms for ${name}` });
    await item.getByRole("button", { name: "Reschedule" }).tap();
    const saved = page.waitForResponse((r) => r.request().method() === "PUT" && r.url().includes("/api/v1/activities/"));
    await item.getByRole("button", { name: "Save" }).tap();
    expect((await saved).status()).toBe(200);
    await expect(item).toHaveCount(0);
    const open = await request.get(`/api/v1/activities?opportunity_id=${deal.id}&status=overdue`, { headers: bearer(riley) });
    expect(((await open.json()) as { total: number }).total).toBe(0);
  });
});

test("the deal's timeline lists its changes: value, close date and probability, who and when", async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const riley = await tokenFor(request, "riley@acme.demo");
  const name = `E2E Changes ${Date.now()}`;
  const deal = (await createDeal(request, riley, name)) as { id: string; version?: number };
  const current = await (await request.get(`/api/v1/opportunities/${deal.id}`, { headers: bearer(riley) })).json();
  const updated = await request.put(`/api/v1/opportunities/${deal.id}`, {
    headers: { ...bearer(riley), "if-match": `"${current.version}"` },
    data: { estimated_value: "1500.00", probability: "35.00", expected_close_date: inDays(45) },
  });
  expect(updated.status()).toBe(200);

  await signIn(page, "riley@acme.demo", `/opportunities/${deal.id}`);
  const timeline = page.getByRole("list", { name: "Timeline, newest first" });
  await expect(timeline.getByText("Value changed from $1,000.00 to $1,500.00")).toBeVisible();
  await expect(timeline.getByText(/^Probability changed from \d+(\.\d+)?% to 35%$/)).toBeVisible();
  await expect(timeline.getByText(/^Expected close changed from .+ to .+$/)).toBeVisible();
  await expect(timeline.getByRole("listitem").filter({ hasText: "Value changed from" })).toContainText("Riley");
});
