import { expect, test, type APIRequestContext } from "@playwright/test";
import { bearer, DEMO_PASSWORD, dndLiveRegion, inDays, signIn, tokenFor, type Session } from "./helpers";

/** Issue 16's items 3, 5, 8 and 10, as a sales rep, a manager and a phone user meet them. */

async function firstClient(request: APIRequestContext, session: Session): Promise<{ id: string; name: string }> {
  const res = await request.get("/api/v1/clients?page_size=1", { headers: bearer(session) });
  return ((await res.json()) as { items: { id: string; name: string }[] }).items[0]!;
}

async function createDeal(request: APIRequestContext, session: Session, name: string) {
  const client = await firstClient(request, session);
  const res = await request.post("/api/v1/opportunities", {
    headers: bearer(session),
    data: { name, client_id: client.id, estimated_value: "5000", expected_close_date: inDays(15) },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

test.describe("desktop", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("an email's link to a deal survives signing in; only same-origin paths are followed", async ({ page, request }) => {
    const riley = await tokenFor(request, "riley@acme.demo");
    const id = await createDeal(request, riley, `E2E Return ${Date.now()}`);
    await page.goto(`/opportunities/${id}?from=email`);
    await expect(page).toHaveURL(new RegExp(`/login\\?next=${encodeURIComponent(`/opportunities/${id}?from=email`)}$`));
    await page.getByLabel("Email").fill("riley@acme.demo");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`/opportunities/${id}\\?from=email$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText("E2E Return");

    for (const next of ["//evil.example/x", "https://evil.example/", "/\\evil.example", "/login"]) {
      await page.context().clearCookies();
      await page.goto(`/login?next=${encodeURIComponent(next)}`);
      await page.getByLabel("Email").fill("riley@acme.demo");
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/pipeline$/);
    }
  });

  test("a manager opens, edits and deletes a client, a quote and a vehicle; a client's page lists its deals and quotes", async ({
    page,
    request,
  }) => {
    const admin = await tokenFor(request, "admin@acme.demo");
    const stamp = Date.now();
    await signIn(page, "admin@acme.demo");

    await page.goto("/clients/new");
    await page.getByLabel("Name").fill(`E2E Client ${stamp}`);
    await page.getByLabel("Email").fill(`buyer${stamp}@e2e.test`);
    await page.getByRole("button", { name: "Create client" }).click();
    await expect(page).toHaveURL(/\/clients\/[0-9a-f-]{36}$/);
    const clientId = page.url().split("/").at(-1)!;
    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByLabel("Phone").fill("+1 555 0142");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(new RegExp(`/clients/${clientId}$`));
    await expect(page.getByRole("link", { name: "+1 555 0142" })).toBeVisible();

    const deal = await request.post("/api/v1/opportunities", {
      headers: bearer(admin),
      data: { name: `E2E Client deal ${stamp}`, client_id: clientId, estimated_value: "900", expected_close_date: inDays(9) },
    });
    expect(deal.status()).toBe(201);
    await page.getByRole("link", { name: "New quote" }).click();
    await expect(page.getByLabel("Client", { exact: true })).toHaveValue(clientId);
    await page.getByLabel("Quote number").fill(`E2E-Q-${stamp}`);
    await page.getByLabel("Total amount").fill("4200");
    await page.getByLabel("Status").selectOption("SENT");
    await page.getByRole("button", { name: "Create quote" }).click();
    await expect(page).toHaveURL(/\/quotes\/[0-9a-f-]{36}$/);
    const quoteId = page.url().split("/").at(-1)!;
    await expect(page.getByTestId("quote-amount")).toHaveText("$4,200.00");

    await page.goto(`/clients/${clientId}`);
    await expect(page.getByRole("region", { name: /Deals/ }).getByRole("link", { name: `E2E Client deal ${stamp}` })).toBeVisible();
    await expect(page.getByRole("region", { name: /Quotes/ }).getByRole("link", { name: `E2E-Q-${stamp}` })).toBeVisible();

    // The quote-expired email links to the client's sent quotes: the filter shows, and clears.
    await page.goto(`/quotes?status=SENT&client_id=${clientId}`);
    await expect(page.getByLabel("Client", { exact: true })).toHaveValue(clientId);
    await expect(page.getByLabel("Status")).toHaveValue("SENT");
    await expect(page.getByRole("link", { name: `E2E-Q-${stamp}` })).toBeVisible();
    await page.getByRole("link", { name: `E2E-Q-${stamp}` }).click();
    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByLabel("Status").selectOption("ACCEPTED");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(new RegExp(`/quotes/${quoteId}$`));
    await expect(page.getByText("Accepted").first()).toBeVisible();
    await page.goto(`/quotes?client_id=${clientId}`);
    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/quotes$/);
    await expect(page.getByLabel("Client", { exact: true })).toHaveValue("");

    await page.goto(`/quotes/${quoteId}`);
    await page.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog", { name: "Delete this quote?" }).getByRole("button", { name: "Delete quote" }).click();
    await expect(page).toHaveURL(/\/quotes$/);
    expect((await request.get(`/api/v1/quotes/${quoteId}`, { headers: bearer(admin) })).status()).toBe(404);

    await page.goto("/vehicles/new");
    await page.getByLabel("Name").fill(`E2E Van ${stamp}`);
    await page.getByLabel("Plate number").fill(`E2E-${String(stamp).slice(-6)}`);
    await page.getByLabel("Next maintenance").fill(inDays(3));
    await page.getByRole("button", { name: "Create vehicle" }).click();
    await expect(page).toHaveURL(/\/vehicles\/[0-9a-f-]{36}$/);
    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByLabel("Name").fill(`E2E Van renamed ${stamp}`);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `E2E Van renamed ${stamp}` })).toBeVisible();
    await page.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog", { name: "Delete this vehicle?" }).getByRole("button", { name: "Delete vehicle" }).click();
    await expect(page).toHaveURL(/\/vehicles$/);

    await page.goto(`/clients/${clientId}`);
    await page.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog", { name: "Delete this client?" }).getByRole("button", { name: "Delete client" }).click();
    await expect(page).toHaveURL(/\/clients$/);
    const gone = await page.goto(`/clients/${clientId}`);
    expect(gone!.status()).toBe(404);
    await expect(page.getByText("Client not found")).toBeVisible();
  });

  test("a rep edits their own quote, cannot delete clients or vehicles, and never reaches another rep's quote", async ({
    page,
    request,
  }) => {
    const [riley, jordan] = await Promise.all([tokenFor(request, "riley@acme.demo"), tokenFor(request, "jordan@acme.demo")]);
    const client = await firstClient(request, jordan);
    const created = await request.post("/api/v1/quotes", {
      headers: bearer(jordan),
      data: { client_id: client.id, quote_number: `E2E-J-${Date.now()}`, total_amount: "10", valid_until: inDays(5) },
    });
    expect(created.status()).toBe(201);
    const jordansQuote = ((await created.json()) as { id: string }).id;

    await signIn(page, "riley@acme.demo");
    expect((await page.goto(`/quotes/${jordansQuote}`))!.status()).toBe(404);
    await page.goto(`/clients/${client.id}`);
    await expect(page.getByRole("link", { name: "Edit" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
    const vehicles = await request.get("/api/v1/vehicles?page_size=1", { headers: bearer(riley) });
    const vehicleId = ((await vehicles.json()) as { items: { id: string }[] }).items[0]!.id;
    await page.goto(`/vehicles/${vehicleId}`);
    await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
  });

  test("small things: a branded 404 with a real status, a favicon, a copy button, friendly local times, no version", async ({
    page,
    request,
  }) => {
    const missing = await page.goto("/no-such-page");
    expect(missing!.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Pipeline" })).toBeVisible();
    expect((await request.get("/favicon.ico")).status()).toBe(200);

    const riley = await tokenFor(request, "riley@acme.demo");
    const id = await createDeal(request, riley, `E2E Times ${Date.now()}`);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await signIn(page, "riley@acme.demo");
    const deal = await page.goto(`/opportunities/00000000-0000-4000-8000-000000000000`);
    expect(deal!.status()).toBe(404);
    await expect(page.getByText("Opportunity not found")).toBeVisible();

    await page.goto(`/opportunities/${id}`);
    await expect(page.getByText(/^today at \d{1,2}:\d{2}\s?[AP]M$/).first()).toBeVisible();
    await expect(page.getByText(/version/i)).toHaveCount(0);

    await page.goto("/settings");
    await page.getByLabel("Token name").fill("Copy me");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = await page.getByTestId("new-token").textContent();
    await page.getByRole("button", { name: "Copy token" }).click();
    await expect(page.getByText("Copied")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token!.trim());
  });

  test("board filters apply as they are chosen, leave no empty parameters, and the loss dialog gives focus back", async ({
    page,
    request,
  }) => {
    const riley = await tokenFor(request, "riley@acme.demo");
    const client = await firstClient(request, riley);
    await signIn(page, "riley@acme.demo");
    await page.getByLabel("Client", { exact: true }).selectOption(client.id);
    await expect(page).toHaveURL(new RegExp(`/pipeline\\?client=${client.id}$`));
    await page.getByLabel("Search").fill("E2E");
    await expect(page).toHaveURL(new RegExp(`/pipeline\\?client=${client.id}&q=E2E$`));
    await page.getByLabel("Client", { exact: true }).selectOption("");
    await expect(page).toHaveURL(/\/pipeline\?q=E2E$/);

    const name = `E2E Focus ${Date.now()}`;
    await createDeal(request, riley, name);
    await page.goto(`/pipeline?q=${encodeURIComponent(name)}`);
    const handle = page.getByRole("button", { name: `Move ${name}` });
    await handle.focus();
    await page.keyboard.press("Space");
    const liveRegion = dndLiveRegion(page);
    for (const stage of ["Qualified", "Proposal", "Negotiation", "Closed won", "Closed lost"]) {
      await page.keyboard.press("ArrowRight");
      await expect(liveRegion).toContainText(`${name} is over ${stage}`);
    }
    await page.keyboard.press("Space");
    const dialog = page.getByRole("dialog", { name: "Mark as lost" });
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("button", { name: `Move ${name}` })).toBeFocused();
  });

  test("deleting a notification asks first", async ({ page, request }) => {
    const admin = await tokenFor(request, "admin@acme.demo");
    const title = `E2E Keep me ${Date.now()}`;
    const res = await request.post("/api/v1/notifications", {
      headers: bearer(admin),
      data: { user_ids: [admin.userId], title, message: "Do not lose me by accident.", type: "INFO", category: "GENERAL" },
    });
    expect(res.status()).toBe(201);
    await signIn(page, "admin@acme.demo", "/notifications");
    const item = page.getByTestId("notification-item").filter({ hasText: title });
    await item.getByRole("button", { name: `Delete: ${title}` }).click();
    const dialog = page.getByRole("dialog", { name: "Delete this notification?" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(item).toHaveCount(1);
    await expect(item.getByRole("button", { name: `Delete: ${title}` })).toBeFocused();
    await item.getByRole("button", { name: `Delete: ${title}` }).click();
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect(item).toHaveCount(0);
  });
});

test.describe("phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("the tabs fold into a menu, filters behind a button, and the stage table says it scrolls", async ({ page }) => {
    await signIn(page, "admin@acme.demo", "/opportunities");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav).toBeHidden();
    await page.getByRole("button", { name: "Menu" }).tap();
    await expect(nav).toBeVisible();
    for (const item of ["Pipeline", "Opportunities", "Dashboard", "Notifications", "Clients", "Quotes", "Vehicles", "Settings"]) {
      const link = nav.getByRole("link", { name: item });
      await expect(link).toBeInViewport();
      const box = (await link.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    await expect(nav.getByRole("link", { name: "Opportunities" })).toHaveAttribute("aria-current", "page");
    await nav.getByRole("link", { name: "Clients" }).tap();
    await expect(page).toHaveURL(/\/clients$/);
    await expect(nav).toBeHidden();

    for (const path of ["/pipeline", "/opportunities"]) {
      await page.goto(path);
      await expect(page.getByLabel("Client", { exact: true })).toBeHidden();
      const first = page
        .locator(path === "/pipeline" ? "[data-testid=board-card]" : "main li")
        .filter({ visible: true })
        .first();
      await expect(first).toBeVisible();
      const top = (await first.boundingBox())!.y;
      expect(top, path).toBeLessThan(400);
      await page.getByRole("button", { name: /^Filters/ }).tap();
      await expect(page.getByLabel("Client", { exact: true })).toBeVisible();
    }

    await page.goto("/dashboard");
    await expect(page.getByText("Swipe the table sideways to see every column.")).toBeVisible();
    const region = page.getByRole("region", { name: "By stage" });
    await region.focus();
    await expect(region).toBeFocused();
  });
});
