import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EmailConfig } from "./config";
import type { EmailRecipient, NotificationEmailContent } from "./message";
import { renderNotificationEmail } from "./render";
import { contentKey, renderNotificationEmails } from "./render-once";

const config: EmailConfig = {
  resendApiKey: null,
  outbox: true,
  from: "OnQuota <noreply@onquota.test>",
  appUrl: "https://crm.example.com/app",
};

const recipient = (n: number, name: string): EmailRecipient => ({
  id: `6f1c2b8e-4b8f-4a55-9f5e-0d6b2f7d9a${String(n).padStart(2, "0")}`,
  tenantId: "9a4e1d2c-5b6f-4c3a-8e7d-1f2a3b4c5d6e",
  email: `user${n}@example.com`,
  name,
});

/** Names that HTML must escape, that look like markup or a template marker, or that are not ASCII. */
const recipients = [
  recipient(1, "Riley Rep"),
  recipient(2, `<script>alert("x")</script> & 'friends'`),
  recipient(3, "Zoë Ñúñez-O'Brien"),
  recipient(4, "oqname0000 $& $1 {{name}}"),
  recipient(5, ""),
];

const contents: NotificationEmailContent[] = [
  {
    title: "Quote Q-1001 expires tomorrow",
    message: "Quote Q-1001 for Acme expires on 2026-03-03.\n\nFollow up with the client today.",
    type: "WARNING",
    category: "QUOTE",
    actionUrl: "/quotes/3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a98?tab=lines&x=<1>",
    actionLabel: "View quote",
  },
  { title: "Team <b>update</b> & more", message: 'New commission plan:\n\n- 5% & "bonus"', type: "INFO", category: "GENERAL" },
  {
    title: "Payment failed",
    message: "Card declined.",
    type: "ERROR",
    category: "PAYMENT",
    actionUrl: "javascript:alert(1)",
    actionLabel: null,
  },
];

beforeEach(() => vi.stubEnv("AUTH_SECRET", "render-once-unit-secret"));
afterEach(() => vi.unstubAllEnvs());

describe("renderNotificationEmails (each content rendered once)", () => {
  it("gives every recipient exactly the email rendered for them alone", async () => {
    const emails = contents.flatMap((content) => recipients.map((to) => ({ recipient: to, content })));
    const once = await renderNotificationEmails(emails, config);
    const alone = await Promise.all(emails.map(({ recipient: to, content }) => renderNotificationEmail(to, content, config)));
    expect(once).toHaveLength(alone.length);
    once.forEach((email, index) => expect(email).toEqual(alone[index]));
    expect(once[1]!.html).toContain("Hi &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;friends&#x27;,");
    expect(once[1]!.html).not.toContain("<script>");
  });

  it("renders the React template once per distinct content", async () => {
    const render = await import("./render");
    const spy = vi.spyOn(render, "notificationHtml");
    try {
      const emails = [...contents, ...contents].flatMap((content) => recipients.map((to) => ({ recipient: to, content })));
      const once = await renderNotificationEmails(emails, config);
      expect(once.every(Boolean)).toBe(true);
      expect(spy).toHaveBeenCalledTimes(contents.length);
    } finally {
      spy.mockRestore();
    }
  });

  it("tells contents apart by every field an email shows", () => {
    const base = contents[0]!;
    const keys = new Set(
      [
        base,
        { ...base, title: "Other" },
        { ...base, message: "Other" },
        { ...base, type: "INFO" as const },
        { ...base, category: "CLIENT" as const },
        { ...base, actionUrl: null },
        { ...base, actionLabel: "Other" },
      ].map(contentKey),
    );
    expect(keys.size).toBe(7);
  });
});
