import { describe, expect, it } from "vitest";
import { vapidConfig } from "./config";

describe("VAPID configuration", () => {
  const env = { VAPID_PUBLIC_KEY: "BPub", VAPID_PRIVATE_KEY: "priv", VAPID_SUBJECT: "mailto:ops@example.com" };

  it("is complete or absent", () => {
    expect(vapidConfig(env)).toEqual({ publicKey: "BPub", privateKey: "priv", subject: "mailto:ops@example.com" });
    expect(vapidConfig({ ...env, VAPID_PRIVATE_KEY: " " })).toBeNull();
    expect(vapidConfig({})).toBeNull();
  });

  it("needs a mailto: or https: contact", () => {
    expect(vapidConfig({ ...env, VAPID_SUBJECT: "https://onquota.example.com" })).not.toBeNull();
    expect(vapidConfig({ ...env, VAPID_SUBJECT: "ops@example.com" })).toBeNull();
  });
});
