/** Runs in every integration worker before its test file: points DATABASE_URL at the run's test database. */
import { inject } from "vitest";

const url = inject("databaseUrl");
if (url) process.env.DATABASE_URL = url;
