import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { bearer, inDays, signIn, tokenFor } from "./helpers";

/** Settings → Calendar feed: create the URL, copy it, a calendar app can read it, rotating turns the old one off. */

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).include("section[aria-labelledby='calendar-heading']").analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
}

async function plannedCall(request: APIRequestContext, subject: string): Promise<string> {
  const jordan = await tokenFor(request, "jordan@acme.demo");
  const clients = await request.get("/api/v1/clients?page_size=1", { headers: bearer(jordan) });
  const clientId = ((await clients.json()) as { items: { id: string }[] }).items[0]!.id;
  const res = await request.post("/api/v1/activities", {
    headers: bearer(jordan),
    data: { type: "CALL", subject, client_id: clientId, due_at: `${inDays(2)}T09:30:00Z` },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

for (const screen of [
  { name: "desktop, light", viewport: { width: 1440, height: 900 }, colorScheme: "light" as const },
  { name: "phone, dark", viewport: { width: 390, height: 844 }, colorScheme: "dark" as const },
]) {
  test(`create, copy, fetch and rotate the calendar feed (${screen.name})`, async ({ page, request }) => {
    await page.setViewportSize(screen.viewport);
    await page.emulateMedia({ colorScheme: screen.colorScheme });
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    const subject = `E2E feed call ${Date.now()}`;
    const activityId = await plannedCall(request, subject);

    await signIn(page, "jordan@acme.demo", "/settings");
    const section = page.locator("section[aria-labelledby='calendar-heading']");
    await expect(section.getByRole("heading", { name: "Calendar feed" })).toBeVisible();
    // Start from no feed, whatever an earlier run left.
    if (await section.getByRole("button", { name: "Turn off feed" }).isVisible()) {
      await section.getByRole("button", { name: "Turn off feed" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Turn off feed" }).click();
    }
    await expect(section.getByText("You have no calendar feed.")).toBeVisible();
    await expectAccessible(page);

    await section.getByRole("button", { name: "Create feed URL" }).click();
    const urlField = section.getByLabel("Calendar feed URL");
    await expect(urlField).toHaveValue(/\/api\/v1\/calendar\/oqc_[A-Za-z0-9_-]{43}\.ics$/);
    const url = await urlField.inputValue();
    await section.getByRole("button", { name: "Copy URL" }).click();
    await expect(section.getByText("Copied")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await expect(section.getByTestId("calendar-feed-status")).toContainText("not read by a calendar yet");
    await expectAccessible(page);

    // A calendar app fetches the URL with no session.
    const feed = await request.get(url);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toMatch(/^text\/calendar/);
    const text = await feed.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain(`UID:activity-${activityId}@onquota`);
    expect(text).toContain(`SUMMARY:Call: ${subject}`);
    expect(text).toContain(`DTSTART:${inDays(2).replaceAll("-", "")}T093000Z`);

    await page.reload();
    await expect(section.getByTestId("calendar-feed-status")).toContainText("last read by a calendar today at");
    await expect(section.getByLabel("Calendar feed URL")).toHaveCount(0);

    // Rotate with the keyboard: the new URL works, the old one is gone.
    await section.getByRole("button", { name: "Rotate URL" }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Rotate the feed URL?" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Rotate URL" }).focus();
    await page.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
    await expect(section.getByLabel("Calendar feed URL")).not.toHaveValue(url);
    const rotated = await section.getByLabel("Calendar feed URL").inputValue();
    expect((await request.get(url)).status()).toBe(404);
    expect((await request.get(rotated)).status()).toBe(200);

    await section.getByRole("button", { name: "Turn off feed" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Turn off feed" }).click();
    await expect(section.getByText("You have no calendar feed.")).toBeVisible();
    expect((await request.get(rotated)).status()).toBe(404);
  });
}
