import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/** `npm run screenshots`: the README's pictures, taken from the seeded demo on the production build. */
export default defineConfig({
  ...base,
  testDir: "scripts/screenshots",
  retries: 0,
  expect: { timeout: 30_000 },
  reporter: [["list"]],
});
