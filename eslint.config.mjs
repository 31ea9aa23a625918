import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".data/**",
      "lib/generated/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "prisma/engine/**",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // A module is used through its index (@/lib/<module>) or, from the browser, its browser entry; inside a module,
    // files import each other relatively. Tests may reach into a module to test its parts.
    files: ["app/**", "components/**", "lib/**", "inngest/**", "scripts/**", "prisma/**", "proxy.ts", "server.ts"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@/lib/(?!generated/)[^/]+/(?!browser$)",
              message:
                "Import a module through @/lib/<module> (or @/lib/<module>/browser in the browser); inside a module use relative imports.",
            },
          ],
        },
      ],
    },
  },
  {
    // Test helpers hand back parsed JSON bodies; tests assert on their shape.
    files: ["tests/**/*.ts", "e2e/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
];

export default config;
