import { expect, test, type APIRequestContext } from "@playwright/test";
import { bearer, signIn, tokenFor, watchViolations, type Session } from "./helpers";

const PAGES = [
  "/pipeline",
  "/opportunities",
  "/dashboard",
  "/notifications",
  "/clients",
  "/quotes",
  "/vehicles",
  "/settings",
  "/dev/outbox",
  "/docs",
];

function scriptSources(policy: string): string[] {
  return (
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .find((d) => d[0] === "script-src")
      ?.slice(1) ?? []
  );
}

test("every page carries its own nonce policy and runs without a single CSP violation", async ({ page }) => {
  const violations = await watchViolations(page);
  const login = await page.goto("/login");
  const loginPolicy = login!.headers()["content-security-policy"]!;
  expect(scriptSources(loginPolicy)).toContain("'strict-dynamic'");
  expect(scriptSources(loginPolicy)).not.toContain("'unsafe-inline'");
  expect(loginPolicy).toContain("frame-ancestors 'none'");

  await signIn(page, "admin@acme.demo");
  const nonces = new Set<string>();
  for (const path of PAGES) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(200);
    const policy = response!.headers()["content-security-policy"]!;
    const nonce = scriptSources(policy).find((s) => s.startsWith("'nonce-"));
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce!);
    await expect(page.getByRole("main")).toBeVisible();
  }
  expect(nonces.size).toBe(PAGES.length);
  // Hydrated and interactive under the policy: the bell opens its panel.
  await page.goto("/pipeline");
  await page.getByTestId("notification-bell").click();
  await expect(page.getByRole("dialog", { name: "Notifications" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("API responses can neither run nor be framed, and carry the hardening headers", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
});

async function unreadOf(request: APIRequestContext, session: Session): Promise<number> {
  const res = await request.get("/api/v1/notifications/unread-count", { headers: bearer(session) });
  return ((await res.json()) as { unread_count: number }).unread_count;
}

test("a server action replayed from another site is refused; the same request from our origin works", async ({ page, request }) => {
  const [admin, jordan] = await Promise.all([tokenFor(request, "admin@acme.demo"), tokenFor(request, "jordan@acme.demo")]);
  const created = await request.post("/api/v1/notifications", {
    headers: bearer(admin),
    data: {
      user_ids: [jordan.userId],
      title: `CSRF probe ${Date.now()}`,
      message: "Must stay unread after a forged request.",
      type: "INFO",
      category: "GENERAL",
    },
  });
  expect(created.status()).toBe(201);
  await signIn(page, "jordan@acme.demo", "/notifications");
  const unread = await unreadOf(request, jordan);
  expect(unread).toBeGreaterThan(0);

  // Capture the browser's own "Mark all read" action request without letting it through.
  let captured: { url: string; headers: Record<string, string>; body: string } | undefined;
  await page.route("**/notifications", async (route) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"]) {
      captured = { url: req.url(), headers: req.headers(), body: req.postData() ?? "" };
      await route.abort();
    } else await route.continue();
  });
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect.poll(() => captured).toBeTruthy();
  await page.unroute("**/notifications");

  const replay = (origin: string) =>
    page.request.post(captured!.url, { headers: { ...captured!.headers, origin }, data: captured!.body, maxRedirects: 0 });
  const forged = await replay("https://evil.example");
  expect(forged.status()).toBe(403);
  expect(forged.headers()["content-type"]).toContain("application/problem+json");
  expect(await unreadOf(request, jordan)).toBe(unread);

  const genuine = await replay(new URL(captured!.url).origin);
  expect(genuine.status()).toBeLessThan(400);
  expect(await unreadOf(request, jordan)).toBe(0);
});

test("cookie-authenticated API writes must come from our own pages", async ({ page, request }) => {
  const jordan = await tokenFor(request, "jordan@acme.demo");
  await signIn(page, "jordan@acme.demo", "/notifications");
  const origin = new URL(page.url()).origin;
  const markAll = (headers: Record<string, string>) => page.request.post("/api/v1/notifications/mark-all-read", { headers });
  const before = await unreadOf(request, jordan);

  const forgeries: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { origin: "null" }];
  for (const headers of forgeries) {
    const refused = await markAll(headers);
    expect(refused.status(), JSON.stringify(headers)).toBe(403);
    expect(refused.headers()["content-type"]).toContain("application/problem+json");
  }
  expect(await unreadOf(request, jordan)).toBe(before);

  // The same cookie works from our origin, and reads need no origin at all.
  expect((await markAll({ origin })).status()).toBe(200);
  expect((await page.request.get("/api/v1/me")).status()).toBe(200);
});

test("a deactivated user loses the open session at once: API and pages", async ({ page, request }) => {
  const admin = await tokenFor(request, "admin@acme.demo");
  const email = `leaver.${Date.now()}@acme.demo`;
  const created = await request.post("/api/v1/users", {
    headers: bearer(admin),
    data: { email, name: "Leaver", password: "onquota-demo", role: "SALES_REP" },
  });
  expect(created.status()).toBe(201);
  const leaver = (await created.json()) as { id: string };
  await signIn(page, email, "/notifications");
  expect((await page.request.get("/api/v1/me")).status()).toBe(200);

  const deactivated = await request.patch(`/api/v1/users/${leaver.id}`, { headers: bearer(admin), data: { is_active: false } });
  expect(deactivated.status()).toBe(200);

  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
  await page.goto("/pipeline");
  await expect(page).toHaveURL(/\/login/);
});
