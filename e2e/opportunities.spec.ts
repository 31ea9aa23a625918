import { expect, test, type APIRequestContext } from "@playwright/test";
import { ARTIFACTS, bearer, inDays, signIn, tokenFor, type Session } from "./helpers";

async function createDeal(request: APIRequestContext, session: Session, name: string, value: string) {
  const clients = await request.get("/api/v1/clients?page_size=1", { headers: bearer(session) });
  const clientId = ((await clients.json()) as { items: { id: string }[] }).items[0]!.id;
  const res = await request.post("/api/v1/opportunities", {
    headers: bearer(session),
    data: { name, client_id: clientId, estimated_value: value, expected_close_date: inDays(20), stage: "PROPOSAL" },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; name: string };
}

test.use({ viewport: { width: 1280, height: 900 } });

test("a rep creates, edits and closes an opportunity through the forms", async ({ page }) => {
  const name = `E2E Form ${Date.now()}`;
  await signIn(page, "riley@acme.demo");
  await page.goto("/opportunities/new");

  // Client-side: the API's own schema, before anything is sent.
  await page.getByRole("button", { name: "Create opportunity" }).click();
  await expect(page.getByText("Name is required")).toBeVisible();
  await expect(page.getByText("Client is required")).toBeVisible();
  await expect(page.getByText("Estimated value is required")).toBeVisible();
  await expect(page.getByLabel("Name")).toBeFocused();

  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Client").selectOption({ label: "Contoso Ltd" });
  await page.getByLabel("Estimated value").fill("12.345");
  await page.getByLabel("Estimated value").blur();
  await expect(page.getByText("must have at most 2 decimal places")).toBeVisible();
  await page.getByLabel("Estimated value").fill("12500.50");

  // Server-side: a close date in the past passes the schema but not the business rule.
  await page.getByLabel("Expected close date").fill(inDays(-3));
  await page.getByRole("button", { name: "Create opportunity" }).click();
  await expect(page.getByText("Expected close date must be after today")).toBeVisible();
  await expect(page).toHaveURL(/\/opportunities\/new$/);

  await page.getByLabel("Expected close date").fill(inDays(45));
  await page.getByLabel("Description").fill("Pilot for the northern region.");
  await page.getByRole("button", { name: "Create opportunity" }).click();
  await expect(page).toHaveURL(/\/opportunities\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByTestId("detail-value")).toHaveText("$12,500.50");
  await expect(page.getByTestId("detail-weighted")).toHaveText("$1,250.05");
  await expect(page.getByTestId("detail-probability")).toHaveText("10%");
  await expect(page.getByText("Created in Lead")).toBeVisible();
  const id = page.url().split("/").at(-1)!;

  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page).toHaveURL(new RegExp(`/opportunities/${id}/edit$`));
  await expect(page.getByLabel("Name")).toHaveValue(name);
  await page.getByLabel("Stage", { exact: true }).selectOption({ label: "Proposal" });
  await page.getByLabel("Estimated value").fill("20000");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/opportunities/${id}$`));
  await expect(page.getByTestId("detail-value")).toHaveText("$20,000.00");
  await expect(page.getByTestId("detail-probability")).toHaveText("50%");
  await expect(page.getByTestId("detail-weighted")).toHaveText("$10,000.00");
  await expect(page.getByText(/Lead\s*→\s*to\s*Proposal/)).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/opportunity-detail.png`, fullPage: true });

  await page.getByRole("button", { name: "Close as lost" }).click();
  const dialog = page.getByRole("dialog", { name: "Mark as lost" });
  await dialog.getByLabel("Loss reason").fill("Chose an in-house tool");
  await dialog.getByRole("button", { name: "Mark as lost" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("detail-loss-reason")).toHaveText("Chose an in-house tool");
  await expect(page.getByTestId("detail-probability")).toHaveText("0%");
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Close as won" })).toHaveCount(0);
});

test("the list filters, sorts and pages through the URL", async ({ page, request }) => {
  const riley = await tokenFor(request, "riley@acme.demo");
  const prefix = `E2E List ${Date.now()}`;
  for (const [suffix, value] of [
    ["small", "100.00"],
    ["large", "90000.00"],
    ["medium", "5000.00"],
  ] as const) {
    await createDeal(request, riley, `${prefix} ${suffix}`, value);
  }
  await signIn(page, "riley@acme.demo");
  await page.goto("/opportunities");
  await page.getByLabel("Search").fill(prefix);
  await page.getByLabel("Stage", { exact: true }).selectOption({ label: "Proposal" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/stage=PROPOSAL/);
  const table = page.getByRole("table");
  // The first cell holds the row's selection checkbox; the name is in the second.
  const names = () => table.locator("tbody tr td:nth-child(2)").allTextContents();
  await expect.poll(names).toEqual([`${prefix} medium`, `${prefix} large`, `${prefix} small`]);

  await table.getByRole("link", { name: /Sort by value/ }).click();
  await expect(page).toHaveURL(/sort=estimated_value/);
  await expect(table.getByRole("columnheader", { name: /sort by value/i })).toHaveAttribute("aria-sort", "ascending");
  await expect.poll(names).toEqual([`${prefix} small`, `${prefix} medium`, `${prefix} large`]);
  await table.getByRole("link", { name: /Sort by value/ }).click();
  await expect(page).toHaveURL(/sort=-estimated_value/);
  await expect.poll(names).toEqual([`${prefix} large`, `${prefix} medium`, `${prefix} small`]);

  await page.goto(`/opportunities?q=${encodeURIComponent(prefix)}&sort=name&page_size=2`);
  await expect.poll(names).toEqual([`${prefix} large`, `${prefix} medium`]);
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect.poll(names).toEqual([`${prefix} small`]);
});

test("an admin deletes an opportunity after confirming; missing ids are not found", async ({ page, request }) => {
  const riley = await tokenFor(request, "riley@acme.demo");
  const deal = await createDeal(request, riley, `E2E Delete ${Date.now()}`, "300.00");
  await signIn(page, "admin@acme.demo");
  await page.goto(`/opportunities/${deal.id}`);
  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this opportunity?" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Delete" }).click();
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/opportunities$/);
  expect((await request.get(`/api/v1/opportunities/${deal.id}`, { headers: bearer(riley) })).status()).toBe(404);

  await page.goto(`/opportunities/${deal.id}`);
  await expect(page.getByText("Opportunity not found")).toBeVisible();
  await page.goto("/opportunities/not-an-id");
  await expect(page.getByText("Opportunity not found")).toBeVisible();
});

test("a rep has no delete button and no owner choice", async ({ page, request }) => {
  const riley = await tokenFor(request, "riley@acme.demo");
  const deal = await createDeal(request, riley, `E2E Rights ${Date.now()}`, "300.00");
  await signIn(page, "riley@acme.demo");
  await page.goto(`/opportunities/${deal.id}`);
  await expect(page.getByRole("button", { name: "Close as won" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await page.goto("/opportunities/new");
  await expect(page.getByLabel("Owner")).toHaveCount(0);
});
