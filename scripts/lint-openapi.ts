/**
 * `npm run lint:openapi`: writes the OpenAPI document the API serves (lib/openapi, built as the route builds it)
 * to a temporary file and lints it with Redocly's recommended rules, warnings counted as errors (redocly.yaml).
 * Redocly runs offline: telemetry and the update check are off.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openApiDocument } from "@/lib/openapi";

const root = path.resolve(import.meta.dirname, "..");
const folder = mkdtempSync(path.join(tmpdir(), "onquota-openapi-"));
try {
  const file = path.join(folder, "openapi.json");
  writeFileSync(file, JSON.stringify(openApiDocument(), null, 2));
  const redocly = path.join(root, "node_modules", ".bin", "redocly");
  const result = spawnSync(redocly, ["lint", file, "--config", path.join(root, "redocly.yaml"), "--format", "stylish"], {
    stdio: "inherit",
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(folder, { recursive: true, force: true });
}
