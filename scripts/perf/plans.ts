/** EXPLAIN (ANALYZE, FORMAT JSON) of a statement: which indexes its plan reads, and how long it ran. */
import pg from "pg";
import type { Statement } from "./sql-load";

type PlanNode = { "Node Type": string; "Index Name"?: string; "Relation Name"?: string; Plans?: PlanNode[] };

export type PlanCheck = {
  label: string;
  expected: string[];
  indexes: string[];
  seqScans: string[];
  executionMs: number;
  ok: boolean;
};

function walk(node: PlanNode, visit: (node: PlanNode) => void): void {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

/** `expected`: index names of which at least one must appear in the plan ("any of"). */
export async function checkPlan(client: pg.Client, label: string, statement: Statement, expected: string[]): Promise<PlanCheck> {
  const { rows } = await client.query<{ "QUERY PLAN": Array<{ Plan: PlanNode; "Execution Time": number }> }>(
    `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`,
    statement.values,
  );
  const root = rows[0]!["QUERY PLAN"][0]!;
  const indexes = new Set<string>();
  const seqScans = new Set<string>();
  walk(root.Plan, (node) => {
    if (node["Index Name"]) indexes.add(node["Index Name"]);
    if (node["Node Type"] === "Seq Scan" && node["Relation Name"]) seqScans.add(node["Relation Name"]);
  });
  return {
    label,
    expected,
    indexes: [...indexes],
    seqScans: [...seqScans],
    executionMs: root["Execution Time"],
    ok: expected.some((name) => indexes.has(name)),
  };
}
