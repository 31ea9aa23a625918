import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** Password of every seeded demo account (prisma/demo-accounts.ts). */
export const DEMO_PASSWORD = "onquota-demo";
export const ARTIFACTS = "e2e/artifacts";

export type Session = { token: string; userId: string };

/** A bearer token for a demo account, for setting up data through the API. */
export async function tokenFor(request: APIRequestContext, email: string): Promise<Session> {
  const res = await request.post("/api/v1/auth/token", { data: { email, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { access_token: string; user: { id: string } };
  return { token: body.access_token, userId: body.user.id };
}

export const bearer = (session: Session) => ({ authorization: `Bearer ${session.token}` });

/** A YYYY-MM-DD date `days` from today (UTC). */
export function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Signs in through the login form and waits for the landing page (the pipeline, or `next`). */
export async function signIn(page: Page, email: string, next?: string) {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(next ? new RegExp(`${next.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) : /\/pipeline/);
}

/** Records every CSP violation the page reports, from the first script on. */
export async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(
        `${location.pathname}: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  return violations;
}

/** dnd-kit's live region: what a screen reader hears during a drag. */
export const dndLiveRegion = (page: Page) => page.locator('[id^="DndLiveRegion"]');

/** Opens the board (optionally searched) and waits until it is hydrated: dnd-kit mounts its live region in the
 * browser only, and from then on the cards answer keys and drags. */
export async function openBoard(page: Page, q?: string) {
  await page.goto(q ? `/pipeline?q=${encodeURIComponent(q)}` : "/pipeline");
  await expect(page.getByRole("region", { name: "Pipeline board" })).toBeVisible();
  await expect(dndLiveRegion(page)).toBeAttached();
}
