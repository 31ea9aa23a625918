import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The checkout whose `next start` and jobs are measured: BENCH_APP_DIR (e.g. a worktree of an older commit) or this one. */
export const APP_ROOT = process.env.BENCH_APP_DIR ? path.resolve(process.env.BENCH_APP_DIR) : ROOT;
