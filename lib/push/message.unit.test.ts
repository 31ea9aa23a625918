import { describe, expect, it } from "vitest";
import { pushMessage } from "./message";

const notification = {
  id: "5b0f2c39-8a4e-4f0e-9d0c-3b1f7e2a6c11",
  title: "Quote expired",
  message: "Q-1042 for Acme expired yesterday.",
  actionUrl: "/quotes/7d2e",
  category: "QUOTE" as const,
  type: "WARNING" as const,
  critical: false,
};

describe("push messages", () => {
  it("carry the notification's id, title, text, link and category", () => {
    expect(pushMessage(notification)).toEqual({
      id: notification.id,
      title: "Quote expired",
      body: "Q-1042 for Acme expired yesterday.",
      url: "/quotes/7d2e",
      category: "QUOTE",
    });
  });

  it("open the notification center when the notification has no link, and clip long text", () => {
    const message = pushMessage({ ...notification, actionUrl: null, message: "x".repeat(5_000) });
    expect(message.url).toBe("/notifications");
    expect(message.body).toHaveLength(1_000);
    expect(message.body.endsWith("…")).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(message))).toBeLessThan(3_000);
  });
});
