import { defineConfig } from "prisma/config";

// The CLI reads DATABASE_URL; scripts/with-db.ts sets it to the embedded database when it is unset.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
