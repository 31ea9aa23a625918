import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));
const exclude = ["**/node_modules/**", "e2e/**", ".data/**", ".next/**"];

export default defineConfig({
  resolve: {
    alias: [{ find: /^@\//, replacement: `${root}/` }],
  },
  test: {
    environment: "node",
    exclude,
    teardownTimeout: 60_000,
    // next-auth imports "next/server" without an extension, which Node's ESM resolver rejects: let Vite resolve it.
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.unit.test.ts", "components/**/*.unit.test.ts", "tests/unit/**/*.test.ts"],
          exclude,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          exclude,
          // Creates a fresh database (embedded .data/postgres-test on :54330, or on TEST_DATABASE_URL's server),
          // migrates it and hands its URL to the workers; drops it afterwards.
          globalSetup: ["tests/global-setup.ts"],
          setupFiles: ["tests/setup-env.ts"],
          pool: "forks",
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
