/**
 * The folders of the code depend on each other in one direction only: no two import each other, and no longer
 * loop either. Nodes are app/, components/, inngest/, scripts/ and each module of lib/ (a folder or a single file).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TOP = ["app", "components", "inngest", "scripts", "lib"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "node_modules" || name === "generated") return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** "lib/opportunities/rules.ts" → "lib/opportunities"; "lib/clock.ts" → "lib/clock"; "app/x/y.tsx" → "app". */
function nodeOf(relative: string): string {
  const [top, second] = relative.split("/");
  return top === "lib" ? `lib/${second!.replace(/\.(ts|tsx)$/, "")}` : top!;
}

function importsOf(file: string): string[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(/(?:from|import)\s*\(?\s*"(@\/[^"]+|\.{1,2}\/[^"]+)"/g)].map((m) => {
    const spec = m[1]!;
    return spec.startsWith("@/") ? spec.slice(2) : path.relative(ROOT, path.resolve(path.dirname(file), spec));
  });
}

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const top of TOP) {
    for (const file of sourceFiles(path.join(ROOT, top))) {
      const from = nodeOf(path.relative(ROOT, file));
      for (const target of importsOf(file)) {
        if (!TOP.some((t) => target.startsWith(`${t}/`)) || target.startsWith("lib/generated")) continue;
        const to = nodeOf(target);
        if (to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
      }
    }
  }
  return graph;
}

function cycles(graph: Map<string, Set<string>>): string[][] {
  const state = new Map<string, "open" | "done">();
  const found: string[][] = [];
  const visit = (node: string, trail: string[]) => {
    state.set(node, "open");
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") found.push([...trail.slice(trail.indexOf(next)), node, next]);
      else if (!state.has(next)) visit(next, [...trail, node]);
    }
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node, []);
  return found;
}

describe("the module graph", () => {
  it("has no cycle between folders or lib modules", () => {
    const graph = folderGraph();
    expect(graph.get("app")?.has("components")).toBe(true);
    expect(cycles(graph).map((cycle) => cycle.join(" → "))).toEqual([]);
  });
});
