/**
 * The development outbox is an admin's tool, not a window into other people's mail: reps get a 404, and an admin
 * reading someone else's message sees no link that would act for its recipient. A production server with neither
 * an email provider nor EMAIL_OUTBOX records each email as failed and tells the admins, once. Each test works in a
 * company of its own, so the seeded accounts keep their notifications.
 */
import { expect, test } from "@playwright/test";
import { call, newCompany, type Company } from "./company";
import { signIn } from "./helpers";
import { E2E_PORT, startServerProcess } from "./server-process";

const BASE = `http://127.0.0.1:${E2E_PORT}`;
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL ?? "";
const HIDDEN_LINK = "[link hidden: it acts for the recipient]";
const mailTo = (base: string, company: Company, title: string) =>
  call(
    base,
    "POST",
    "/api/v1/notifications",
    { user_ids: [company.rep.id], title, message: "Targets for the quarter are set.", type: "INFO", category: "GENERAL", send_email: true },
    company.admin.token,
  );

test("an admin reads the outbox without the recipient's unsubscribe links; a rep gets a 404", async ({ browser }) => {
  const company = await newCompany(BASE, "outbox");
  expect((await mailTo(BASE, company, "Quarterly targets are in")).status).toBe(201);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, company.admin.email);
  await admin.goto("/settings");
  await admin.getByRole("link", { name: "development outbox" }).click();
  await expect(admin).toHaveURL(/\/dev\/outbox$/);
  await admin.getByRole("link", { name: /Quarterly targets are in/ }).click();
  await expect(admin.getByRole("heading", { name: "Quarterly targets are in" })).toBeVisible();
  await expect(admin.getByRole("note")).toContainText(`Links that act for ${company.rep.email}`);
  const text = admin.getByRole("region", { name: "Text part" }).locator("pre");
  await expect(text).toContainText(`Unsubscribe: ${HIDDEN_LINK}`);
  await expect(text).not.toContainText("token=");
  const html = await admin.locator("iframe").getAttribute("srcdoc");
  expect(html).toContain("Quarterly targets are in");
  expect(html).not.toContain("token=");
  await expect(admin.getByText(`<${HIDDEN_LINK}>`)).toBeVisible();
  await adminContext.close();

  const repContext = await browser.newContext();
  const rep = await repContext.newPage();
  await signIn(rep, company.rep.email);
  const outbox = await rep.goto("/dev/outbox");
  expect(outbox!.status()).toBe(404);
  await expect(rep.getByText("Quarterly targets are in")).toHaveCount(0);
  await rep.goto("/settings");
  await expect(rep.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expect(rep.getByRole("link", { name: "development outbox" })).toHaveCount(0);
  await repContext.close();
});

test("deals assigned, won and lost are emailed as Settings promise", async ({ page }) => {
  const company = await newCompany(BASE, "dealmail");
  const client = await call(BASE, "POST", "/api/v1/clients", { name: "Litware" }, company.admin.token);
  expect(client.status).toBe(201);
  const deal = await call(
    BASE,
    "POST",
    "/api/v1/opportunities",
    {
      name: "Litware rollout",
      client_id: client.body.id,
      estimated_value: "8000.00",
      expected_close_date: "2030-01-31",
      assigned_to: company.rep.id,
    },
    company.admin.token,
  );
  expect(deal.status).toBe(201);
  const won = await call(BASE, "PATCH", `/api/v1/opportunities/${deal.body.id}/stage`, { stage: "CLOSED_WON" }, company.rep.token);
  expect(won.status).toBe(200);

  await signIn(page, company.admin.email);
  await page.goto("/settings");
  await expect(page.getByText("Deals assigned to you, closed or overdue")).toBeVisible();
  await page.goto("/dev/outbox");
  const messages = page.getByRole("navigation", { name: "Messages" });
  await expect(
    messages.getByRole("link", { name: new RegExp(`New opportunity assigned: Litware rollout.*to ${company.rep.email}`) }),
  ).toBeVisible();
  await expect(messages.getByRole("link", { name: new RegExp(`Deal won: Litware rollout.*to ${company.admin.email}`) })).toBeVisible();
});

test.describe("production without an email provider", () => {
  test.describe.configure({ timeout: 120_000 });

  test("records the email as failed with a clear email_error, tells the admin once, and has no outbox", async ({ browser }) => {
    // EMAIL_OUTBOX empty is EMAIL_OUTBOX unset: server.ts runs with NODE_ENV=production.
    const server = await startServerProcess(3, { DATABASE_URL, EMAIL_OUTBOX: "", RESEND_API_KEY: "" });
    try {
      const company = await newCompany(server.base, "noprovider");
      expect((await mailTo(server.base, company, "First notice")).status).toBe(201);
      expect((await mailTo(server.base, company, "Second notice")).status).toBe(201);

      const inbox = await call(server.base, "GET", "/api/v1/notifications", undefined, company.rep.token);
      expect(inbox.body.items.map((n: { title: string }) => n.title).sort()).toEqual(["First notice", "Second notice"]);
      for (const notification of inbox.body.items) {
        expect(notification).toMatchObject({ email_sent: false, email_sent_at: null });
        expect(notification.email_error).toMatch(/^Not sent: no email provider is configured\. Set RESEND_API_KEY/);
      }
      const told = await call(server.base, "GET", "/api/v1/notifications?category=SYSTEM", undefined, company.admin.token);
      expect(told.body.items.map((n: { title: string; type: string }) => [n.title, n.type])).toEqual([
        ["Emails are not being sent", "ERROR"],
      ]);

      const context = await browser.newContext({ baseURL: server.base });
      const page = await context.newPage();
      await signIn(page, company.admin.email);
      expect((await page.goto("/dev/outbox"))!.status()).toBe(404);
      await page.goto("/settings");
      await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
      await expect(page.getByRole("link", { name: "development outbox" })).toHaveCount(0);
      await context.close();
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
