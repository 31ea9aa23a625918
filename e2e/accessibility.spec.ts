import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { bearer, inDays, signIn, tokenFor, type Session } from "./helpers";

/**
 * axe-core on every page of the app, signed out and in, at 1440 px and on a 390 px phone, with the bell, the menus
 * and every dialog open: no serious or critical violation anywhere, and in dark mode no colour violation. /docs is
 * left out (Scalar, third-party).
 */

const SCREENS = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

type Ids = { deal: string; closedDeal: string; client: string; quote: string; vehicle: string; notification: string };

/** The rules whose outcome depends on the colour scheme: the dark pass runs only these (structure was checked in light). */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

async function expectAccessible(page: Page, state: string, rules?: string[]) {
  await page.waitForLoadState("networkidle");
  // Only violations are reported back: collecting every passing node is most of axe's time on a full board.
  const axe = new AxeBuilder({ page }).exclude("nextjs-portal").options({ resultTypes: ["violations"] });
  const results = await (rules ? axe.withRules(rules) : axe).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary}`).join("\n")}`);
  expect.soft(serious, `${state}\n${serious.join("\n")}`).toEqual([]);
}

async function firstId(request: APIRequestContext, session: Session, path: string): Promise<string> {
  const res = await request.get(`/api/v1/${path}${path.includes("?") ? "&" : "?"}page_size=1`, { headers: bearer(session) });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: { id: string }[] }).items[0]!.id;
}

async function prepare(request: APIRequestContext): Promise<Ids> {
  const admin = await tokenFor(request, "admin@acme.demo");
  const client = await firstId(request, admin, "clients");
  const create = async (name: string) => {
    const res = await request.post("/api/v1/opportunities", {
      headers: bearer(admin),
      data: { name, client_id: client, estimated_value: "1200.00", expected_close_date: inDays(20), stage: "PROPOSAL" },
    });
    expect(res.status()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const deal = await create(`Axe open ${Date.now()}`);
  const closedDeal = await create(`Axe lost ${Date.now()}`);
  const lost = await request.patch(`/api/v1/opportunities/${closedDeal}/stage`, {
    headers: bearer(admin),
    data: { stage: "CLOSED_LOST", loss_reason: "Budget went elsewhere" },
  });
  expect(lost.status()).toBe(200);
  const notified = await request.post("/api/v1/notifications", {
    headers: bearer(admin),
    data: {
      user_ids: [admin.userId],
      title: "Axe check",
      message: "A notification to look at.",
      type: "WARNING",
      category: "GENERAL",
      action_url: "/pipeline",
      action_label: "Open the board",
    },
  });
  expect(notified.status()).toBe(201);
  return {
    deal,
    closedDeal,
    client,
    quote: await firstId(request, admin, "quotes"),
    vehicle: await firstId(request, admin, "vehicles"),
    notification: await firstId(request, admin, "notifications"),
  };
}

function pagesOf(ids: Ids): string[] {
  return [
    "/pipeline",
    "/opportunities",
    "/opportunities?stage=PROPOSAL&overdue=false",
    "/opportunities/new",
    `/opportunities/${ids.deal}`,
    `/opportunities/${ids.deal}/edit`,
    `/opportunities/${ids.closedDeal}`,
    "/dashboard",
    "/notifications",
    "/clients",
    "/clients/new",
    `/clients/${ids.client}`,
    `/clients/${ids.client}/edit`,
    "/quotes",
    `/quotes?client_id=${ids.client}`,
    "/quotes/new",
    `/quotes/${ids.quote}`,
    `/quotes/${ids.quote}/edit`,
    "/vehicles",
    "/vehicles/new",
    `/vehicles/${ids.vehicle}`,
    `/vehicles/${ids.vehicle}/edit`,
    "/settings",
    "/settings/exchange-rates",
    "/dev/outbox",
    "/opportunities/00000000-0000-4000-8000-000000000000",
    "/no-such-page",
  ];
}

for (const screen of SCREENS) {
  test.describe(`axe at ${screen.viewport.width} px`, () => {
    test.use({ viewport: screen.viewport });

    test(`signed out: login, register and the 404 (${screen.name})`, async ({ page }) => {
      for (const path of ["/login", "/login?next=%2Fdashboard", "/register", "/no-such-page"]) {
        await page.goto(path);
        await expectAccessible(page, path);
      }
      await page.goto("/register");
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page.getByText("Company name is required")).toBeVisible();
      await expectAccessible(page, "register with errors");
      await page.goto("/login");
      await page.getByLabel("Email").fill("nobody@acme.demo");
      await page.getByLabel("Password").fill("wrong-password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByText("Invalid email or password.")).toBeVisible();
      await expectAccessible(page, "login with an error");
    });

    test(`every signed-in page, as an admin (${screen.name})`, async ({ page, request }) => {
      test.setTimeout(240_000);
      const ids = await prepare(request);
      await signIn(page, "admin@acme.demo");
      for (const path of pagesOf(ids)) {
        await page.goto(path);
        await expectAccessible(page, path);
      }
    });

    test(`open states: bell, menus, filters and every dialog (${screen.name})`, async ({ page, request }) => {
      test.setTimeout(180_000);
      const ids = await prepare(request);
      await signIn(page, "admin@acme.demo");

      await page.goto("/opportunities");
      await page.getByTestId("notification-bell").click();
      await expect(page.getByRole("dialog", { name: "Notifications" })).toBeVisible();
      await expectAccessible(page, "bell open");
      await page.keyboard.press("Escape");

      if (screen.name === "phone") {
        await page.getByRole("button", { name: "Menu" }).click();
        await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
        await expectAccessible(page, "phone menu open");
        await page.keyboard.press("Escape");
        await page.getByRole("button", { name: /^Filters/ }).click();
        await expectAccessible(page, "filters open on a phone");
      }
      await page.locator("summary", { hasText: "Alex Admin" }).click();
      await expectAccessible(page, "account menu open");

      await page.goto(`/opportunities/${ids.deal}`);
      await page.getByRole("button", { name: "Close as lost" }).click();
      await expect(page.getByRole("dialog", { name: "Mark as lost" })).toBeVisible();
      await expectAccessible(page, "loss reason dialog");
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Close as won" }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await expectAccessible(page, "won dialog");
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Delete" }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await expectAccessible(page, "delete deal dialog");
      await page.keyboard.press("Escape");

      for (const path of [`/clients/${ids.client}`, `/quotes/${ids.quote}`, `/vehicles/${ids.vehicle}`]) {
        await page.goto(path);
        await page.getByRole("button", { name: "Delete" }).click();
        await expect(page.getByRole("dialog")).toBeVisible();
        await expectAccessible(page, `delete dialog on ${path}`);
        await page.keyboard.press("Escape");
      }

      await page.goto("/notifications");
      await page
        .getByTestId("notification-item")
        .first()
        .getByRole("button", { name: /^Delete/ })
        .click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await expectAccessible(page, "delete notification dialog");
      await page.keyboard.press("Escape");
      await page.getByTestId("notification-item").first().getByRole("checkbox").check();
      await page.getByRole("button", { name: "Delete selected" }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await expectAccessible(page, "delete selected notifications dialog");
      await page.keyboard.press("Escape");

      await page.goto("/settings");
      await page.getByLabel("Token name").fill("Axe token");
      await page.getByRole("button", { name: "Create token" }).click();
      await expect(page.getByTestId("new-token")).toBeVisible();
      await expectAccessible(page, "new token shown");

      await page.goto("/pipeline");
      await expect(page.getByTestId("board-card").first()).toBeVisible();
      await expectAccessible(page, "board");
    });

    test(`dark mode: the main pages and open states (${screen.name})`, async ({ page, request }) => {
      test.setTimeout(180_000);
      const ids = await prepare(request);
      await page.emulateMedia({ colorScheme: "dark" });
      await page.goto("/login");
      await expectAccessible(page, "dark /login", COLOUR_RULES);
      await signIn(page, "admin@acme.demo");
      for (const path of [
        "/pipeline",
        "/opportunities",
        `/opportunities/${ids.deal}`,
        `/opportunities/${ids.closedDeal}`,
        "/opportunities/new",
        "/dashboard",
        "/notifications",
        `/clients/${ids.client}`,
        `/quotes/${ids.quote}`,
        `/vehicles/${ids.vehicle}`,
        "/settings",
        "/no-such-page",
      ]) {
        await page.goto(path);
        await expect(page.locator("html")).toHaveClass(/dark/);
        await expectAccessible(page, `dark ${path}`, COLOUR_RULES);
      }
      await page.goto("/pipeline");
      await page.getByTestId("notification-bell").click();
      await expect(page.getByRole("dialog", { name: "Notifications" })).toBeVisible();
      await expectAccessible(page, "dark bell open", COLOUR_RULES);
      await page.keyboard.press("Escape");
      await page.locator("summary", { hasText: "Alex Admin" }).click();
      await expectAccessible(page, "dark account menu open", COLOUR_RULES);
      await page.goto(`/opportunities/${ids.deal}`);
      await page.getByRole("button", { name: "Close as lost" }).click();
      await expect(page.getByRole("dialog", { name: "Mark as lost" })).toBeVisible();
      await expectAccessible(page, "dark loss reason dialog", COLOUR_RULES);
    });

    test(`a sales rep's pages (${screen.name})`, async ({ page }) => {
      await signIn(page, "riley@acme.demo");
      for (const path of ["/pipeline", "/opportunities", "/dashboard", "/quotes", "/notifications"]) {
        await page.goto(path);
        await expectAccessible(page, `rep ${path}`);
      }
    });
  });
}
