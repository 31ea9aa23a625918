import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { operations } from "@/lib/openapi/registry";

const API_ROOT = path.resolve(import.meta.dirname, "../../app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(entry.name) ? [full] : [];
  });
}

/** app/api/v1/clients/[id]/route.ts → /clients/{id}; route groups "(x)" add no segment. */
function openApiPath(file: string): string {
  const segments = path
    .relative(API_ROOT, path.dirname(file))
    .split(path.sep)
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .map((segment) => segment.replace(/^\[(\w+)\]$/, "{$1}"));
  return `/${segments.join("/")}`;
}

/** The HTTP methods a route file exports: `export const GET =`, `export async function GET`, `export const { GET, POST } =`, `export { GET }`. */
function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|let|var|(?:async\s+)?function)\s+([A-Z]+)\b/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s+(?:const|let|var)\s*\{([^}]*)\}\s*=/g))
    m[1]!.split(",").forEach((name) => found.add(name.split(":")[0]!.trim()));
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g))
    m[1]!.split(",").forEach((name) =>
      found.add(
        name
          .trim()
          .split(/\s+as\s+/)
          .pop()!
          .trim(),
      ),
    );
  return METHODS.filter((method) => found.has(method));
}

const routes = routeFiles(API_ROOT).map((file) => ({
  file: path.relative(process.cwd(), file),
  path: openApiPath(file),
  methods: exportedMethods(readFileSync(file, "utf8")),
}));
const exported = routes.flatMap((route) => route.methods.map((method) => `${method} ${route.path}`));
/** A file route ("/calendar/{token}.ics") lives in its parameter's folder: Next has no partial dynamic segment. */
const registered = operations.map((op) => `${op.method} ${op.path.replace(/(\{\w+\})\.\w+$/, "$1")}`);

describe("the route table", () => {
  it("finds the route files", () => {
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) expect(route.methods, `${route.file} exports no HTTP method`).not.toHaveLength(0);
  });

  it("has exactly one registered operation for every method a route file exports", () => {
    for (const key of exported)
      expect(
        registered.filter((r) => r === key),
        `${key} in lib/openapi/registry.ts`,
      ).toHaveLength(1);
  });

  it("has a route file exporting every registered operation", () => {
    const missing = registered.filter((key) => !exported.includes(key));
    expect(missing, "registered operations without a route handler").toEqual([]);
  });
});
