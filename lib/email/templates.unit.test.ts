import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { absoluteUrl, emailConfig, type EmailConfig } from "./config";
import { renderNotificationEmail, renderWeeklySummaryEmail, summaryGroups } from "./render";
import { verifyUnsubscribeToken } from "./unsubscribe-token";
import type { WeeklySummary } from "./weekly-summary";

const SECRET = "templates-unit-secret";
const config: EmailConfig = { resendApiKey: null, outbox: true, from: "OnQuota <noreply@onquota.test>", appUrl: "https://crm.example.com" };
const recipient = {
  id: "6f1c2b8e-4b8f-4a55-9f5e-0d6b2f7d9a10",
  tenantId: "9a4e1d2c-5b6f-4c3a-8e7d-1f2a3b4c5d6e",
  email: "rep@example.com",
  name: "Riley Rep",
};
const notification = {
  title: "Quote Q-1001 expires tomorrow",
  message: "Quote Q-1001 for Acme expires on 2026-03-03.\n\nFollow up with the client today.",
  type: "WARNING" as const,
  category: "QUOTE" as const,
  actionUrl: "/quotes/3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a98",
  actionLabel: "View quote",
};

beforeEach(() => vi.stubEnv("AUTH_SECRET", SECRET));
afterEach(() => vi.unstubAllEnvs());

function tokenIn(url: string): string {
  return new URL(url).searchParams.get("token")!;
}

describe("the notification email", () => {
  it("has the branded header, a 600 px column, the message, the CTA to an absolute URL and the footer", async () => {
    const email = await renderNotificationEmail(recipient, notification, config);
    expect(email.subject).toBe(notification.title);
    expect(email.to).toBe("rep@example.com");
    expect(email.html).toMatch(/^<!DOCTYPE html/);
    expect(email.html).toContain(">OnQuota</a>");
    expect(email.html).toContain("max-width:600px");
    expect(email.html).toContain("Hi Riley Rep,");
    expect(email.html).toContain("Follow up with the client today.");
    expect(email.html).toContain('href="https://crm.example.com/quotes/3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a98"');
    expect(email.html).toContain(">View quote<");
    expect(email.html).toContain('href="https://crm.example.com/unsubscribe?token=');
    expect(email.html).toContain('href="https://crm.example.com/settings#email-preferences"');
  });

  it("signs the unsubscribe link and the one-click header for the user and the notification's category", async () => {
    const email = await renderNotificationEmail(recipient, notification, config);
    const header = email.headers["List-Unsubscribe"]!;
    expect(header).toMatch(/^<https:\/\/crm\.example\.com\/api\/v1\/email\/unsubscribe\?token=[^>]+>$/);
    expect(email.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(verifyUnsubscribeToken(tokenIn(header.slice(1, -1)))).toEqual({ userId: recipient.id, category: "QUOTE" });
    const pageLink = /href="(https:\/\/crm\.example\.com\/unsubscribe\?token=[^"]+)"/.exec(email.html)![1]!;
    expect(verifyUnsubscribeToken(tokenIn(pageLink.replaceAll("&amp;", "&")))).toEqual({ userId: recipient.id, category: "QUOTE" });
  });

  it("has a plain-text part with the same content and links", async () => {
    const email = await renderNotificationEmail(recipient, notification, config);
    expect(email.text).toContain("Warning: Quote Q-1001 expires tomorrow");
    expect(email.text).toContain("Quote Q-1001 for Acme expires on 2026-03-03.\n\nFollow up with the client today.");
    expect(email.text).toContain("View quote: https://crm.example.com/quotes/3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a98");
    expect(email.text).toMatch(/Unsubscribe: https:\/\/crm\.example\.com\/unsubscribe\?token=\S+/);
    expect(email.text).not.toContain("<");
  });

  it("escapes everything that comes from users", async () => {
    const email = await renderNotificationEmail(
      { ...recipient, name: "<b>Bold</b>" },
      {
        ...notification,
        title: "<script>alert(1)</script> deal",
        message: 'Tom & Jerry said "hi" <img src=x onerror=alert(2)>',
        actionLabel: "<i>Go</i>",
      },
      config,
    );
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; deal");
    expect(email.html).not.toContain("<img src=x");
    expect(email.html).toContain("&lt;img src=x onerror=alert(2)&gt;");
    expect(email.html).toContain("Tom &amp; Jerry");
    expect(email.html).not.toContain("<b>Bold</b>");
    expect(email.html).not.toContain("<i>Go</i>");
  });

  it("shows no button without an action URL or for a non-http one, and a default label otherwise", async () => {
    const without = await renderNotificationEmail(recipient, { ...notification, actionUrl: null }, config);
    expect(without.html).not.toContain("View quote");
    expect(without.text).not.toContain("View quote");
    const script = await renderNotificationEmail(recipient, { ...notification, actionUrl: "javascript:alert(1)" }, config);
    expect(script.html).not.toContain("javascript:");
    const unlabelled = await renderNotificationEmail(recipient, { ...notification, actionLabel: null }, config);
    expect(unlabelled.html).toContain(">Open in OnQuota<");
  });

  it("keeps line breaks out of the subject", async () => {
    const email = await renderNotificationEmail(recipient, { ...notification, title: "Line one\r\nBcc: someone@example.com" }, config);
    expect(email.subject).toBe("Line one Bcc: someone@example.com");
  });
});

describe("the weekly summary email", () => {
  const summary: WeeklySummary = {
    periodStart: "2026-02-23",
    periodEnd: "2026-03-01",
    newOpportunities: 4,
    opportunitiesWon: 2,
    revenue: "125000.50",
    activeOpportunities: 11,
    weightedPipeline: "1234567.89",
    expiringQuotes: 3,
    overdueOpportunities: 1,
    pendingMaintenance: 0,
    currency: "EUR",
  };

  it("lists every figure, money formatted in the summary's currency", async () => {
    const email = await renderWeeklySummaryEmail(recipient, summary, config);
    expect(email.subject).toBe("Your weekly summary: Feb 23, 2026 to Mar 1, 2026");
    for (const text of [
      "New opportunities",
      "Opportunities won",
      "€125,000.50",
      "Active opportunities",
      "€1,234,567.89",
      "Quotes expiring soon",
      "Overdue opportunities",
      "Vehicles due for maintenance",
    ]) {
      expect(email.html).toContain(text);
      expect(email.text).toContain(text);
    }
    expect(email.text).toContain("  New opportunities: 4");
    expect(email.html).toContain('href="https://crm.example.com/pipeline"');
    expect(verifyUnsubscribeToken(tokenIn(email.headers["List-Unsubscribe"]!.slice(1, -1)))).toEqual({
      userId: recipient.id,
      category: "SYSTEM",
    });
  });

  it("groups the figures", () => {
    expect(summaryGroups(summary).map((group) => group.rows.length)).toEqual([3, 2, 3]);
  });
});

describe("email configuration", () => {
  it("defaults APP_URL and the sender, and quotes a display name that needs it", () => {
    expect(emailConfig({})).toEqual({
      resendApiKey: null,
      outbox: true,
      from: "OnQuota <noreply@onquota.local>",
      appUrl: "http://localhost:3000",
    });
    expect(
      emailConfig({
        RESEND_API_KEY: " re_123 ",
        FROM_EMAIL: "alerts@acme.test",
        FROM_NAME: "Acme, Sales",
        APP_URL: "https://acme.test/crm/",
        NODE_ENV: "production",
      }),
    ).toEqual({
      resendApiKey: "re_123",
      outbox: false,
      from: '"Acme, Sales" <alerts@acme.test>',
      appUrl: "https://acme.test/crm",
    });
  });

  it("makes action URLs absolute under APP_URL and refuses non-http ones", () => {
    expect(absoluteUrl("/opportunities/1", "https://acme.test/crm")).toBe("https://acme.test/crm/opportunities/1");
    expect(absoluteUrl("https://docs.acme.test/x", "https://acme.test")).toBe("https://docs.acme.test/x");
    expect(absoluteUrl("javascript:alert(1)", "https://acme.test")).toBeNull();
    expect(absoluteUrl("//evil.test/x", "https://acme.test")).toBeNull();
  });
});
