import { expect, test, type APIRequestContext } from "@playwright/test";
import { bearer, inDays, signIn, tokenFor, type Session } from "./helpers";

/** Money in more than one currency, as a user sees it: a euro deal with its dollar value, and totals in dollars. */

async function firstClientId(request: APIRequestContext, session: Session): Promise<string> {
  const res = await request.get("/api/v1/clients?page_size=1", { headers: bearer(session) });
  return (await res.json()).items[0].id;
}

test("a EUR deal shows its euros and its dollars; the column total adds the dollar values exactly", async ({ page, request }) => {
  const admin = await tokenFor(request, "admin@acme.demo");
  const riley = await tokenFor(request, "riley@acme.demo");
  const prefix = `E2E Euro ${Date.now()}`;
  const rate = await request.put("/api/v1/exchange-rates", {
    headers: bearer(admin),
    data: { rates: [{ currency: "EUR", rate: "1.0855", effective_from: inDays(0) }] },
  });
  expect(rate.status()).toBe(200);
  const clientId = await firstClientId(request, riley);
  for (const [name, value, currency] of [
    [`${prefix} euros`, "10000.00", "EUR"],
    [`${prefix} dollars`, "2500.00", "USD"],
  ]) {
    const res = await request.post("/api/v1/opportunities", {
      headers: bearer(riley),
      data: { name, client_id: clientId, estimated_value: value, currency, stage: "PROPOSAL", expected_close_date: inDays(40) },
    });
    expect(res.status(), await res.text()).toBe(201);
  }

  await signIn(page, "riley@acme.demo");
  await page.goto(`/pipeline?q=${encodeURIComponent(prefix)}`);
  const proposal = page.getByTestId("column-PROPOSAL");
  const euroCard = proposal.getByTestId("board-card").filter({ hasText: `${prefix} euros` });
  await expect(euroCard).toContainText("€10,000.00");
  await expect(euroCard).toContainText("≈ $10,855.00");
  await expect(proposal.getByTestId("board-card").filter({ hasText: `${prefix} dollars` })).not.toContainText("≈");
  await expect(proposal.getByTestId("column-total")).toHaveAttribute("data-value", "13355.00");
  await expect(proposal.getByTestId("column-total")).toContainText("$13.4K");

  await euroCard.getByRole("link", { name: `${prefix} euros` }).click();
  await expect(page.getByTestId("detail-value")).toHaveText("€10,000.00≈ $10,855.00");
  await expect(page.getByTestId("detail-rate")).toHaveText("Today: 1 EUR = 1.0855 USD");
});

test("an admin adds a rate in Settings and loads a file; a bad file changes nothing and names its rows", async ({ page, request }) => {
  await signIn(page, "admin@acme.demo", "/settings/exchange-rates");
  await page.getByRole("combobox", { name: "Currency" }).fill("CHF");
  await page.getByLabel("USD per 1 unit").fill("1.13");
  await page.getByRole("button", { name: "Save rate" }).click();
  await expect(page.getByText("Rate saved; open deals in that currency now use it.")).toBeVisible();
  await expect(page.getByTestId("current-rates")).toContainText("1 CHF = 1.13 USD");

  await page.getByLabel("File", { exact: true }).setInputFiles({
    name: "rates.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`currency,rate,effective_from\nSEK,0.095,${inDays(0)}\nXXX,1,${inDays(0)}\n`),
  });
  await page.getByRole("button", { name: "Load rates" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "Nothing was loaded" });
  await expect(refusal).toContainText("row 3.currency");
  const admin = await tokenFor(request, "admin@acme.demo");
  const rates = await (await request.get("/api/v1/exchange-rates", { headers: bearer(admin) })).json();
  expect(rates.history.map((r: { currency: string }) => r.currency)).not.toContain("SEK");
});
