"use client";

import Link from "next/link";
import { useRef, useState, type FormEvent } from "react";
import type { ImportOut } from "@/lib/imports/browser";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field-frame";
import { readProblem } from "@/components/ui/problem";
import { ImportReport } from "./import-report";
import { MappingStep } from "./mapping-step";

type Entity = ImportOut["entity"];

const LIST_OF: Record<Entity, { href: string; noun: string }> = {
  opportunities: { href: "/opportunities?sort=-created_at", noun: "deal" },
  clients: { href: "/clients", noun: "client" },
};

/** How often the page asks for the commit's progress. */
const PROGRESS_POLL_MS = 400;

/** Upload → mapping → dry-run report → commit with its progress → a link to what was imported. */
export function ImportWizard() {
  const fileRef = useRef<HTMLInputElement>(null);
  const [entity, setEntity] = useState<Entity>("opportunities");
  const [createClients, setCreateClients] = useState(false);
  const [dryRun, setDryRun] = useState<ImportOut | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | null>>({});
  const [busy, setBusy] = useState<"checking" | "committing" | null>(null);
  const [problem, setProblem] = useState<{ detail: string; errors: { field: string; message: string }[] } | null>(null);

  async function check(withMapping?: Record<string, string | null>) {
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setProblem({ detail: "Choose a CSV or XLSX file first.", errors: [] });
      return;
    }
    const form = new FormData();
    form.set("entity", entity);
    form.set("create_clients", String(createClients));
    if (withMapping) form.set("mapping", JSON.stringify(withMapping));
    form.set("file", file);
    setBusy("checking");
    setProblem(null);
    try {
      const response = await fetch("/api/v1/imports", { method: "POST", body: form });
      if (!response.ok) {
        const refused = await readProblem(response);
        setProblem({ detail: refused.detail, errors: refused.errors });
        setDryRun(null);
        return;
      }
      const result = (await response.json()) as ImportOut;
      setDryRun(result);
      setMapping(result.mapping);
    } finally {
      setBusy(null);
    }
  }

  async function commit() {
    if (!dryRun) return;
    setBusy("committing");
    setProblem(null);
    let finished = false;
    const poll = async () => {
      while (!finished) {
        const response = await fetch(`/api/v1/imports/${dryRun.id}`);
        const progress = response.ok ? ((await response.json()) as ImportOut) : null;
        // Read to the end before looking: the commit's answer may have landed meanwhile, and it is the newer one.
        if (progress && !finished) setDryRun(progress);
        await new Promise((resolve) => setTimeout(resolve, PROGRESS_POLL_MS));
      }
    };
    void poll();
    try {
      const response = await fetch(`/api/v1/imports/${dryRun.id}/commit`, { method: "POST" });
      finished = true;
      if (!response.ok) {
        const refused = await readProblem(response);
        setProblem({ detail: refused.detail, errors: [] });
        const latest = await fetch(`/api/v1/imports/${dryRun.id}`);
        if (latest.ok) setDryRun((await latest.json()) as ImportOut);
        return;
      }
      setDryRun((await response.json()) as ImportOut);
    } finally {
      finished = true;
      setBusy(null);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void check();
  }

  const committed = dryRun?.status === "COMMITTED";
  const list = LIST_OF[dryRun?.entity ?? entity];

  return (
    <div className="space-y-6">
      <form onSubmit={submit} className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-label="Upload a file">
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="import-entity" className="block text-sm font-medium text-slate-700">
              What the rows are
            </label>
            <select
              id="import-entity"
              className={controlClass}
              value={entity}
              disabled={busy !== null || committed}
              onChange={(event) => {
                setEntity(event.target.value as Entity);
                setDryRun(null);
              }}
            >
              <option value="opportunities">Opportunities (deals)</option>
              <option value="clients">Clients</option>
            </select>
          </div>
          <div>
            <label htmlFor="import-file" className="block text-sm font-medium text-slate-700">
              File (CSV UTF-8 or XLSX)
            </label>
            <input
              id="import-file"
              ref={fileRef}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5"
              disabled={busy !== null || committed}
              onChange={() => setDryRun(null)}
            />
          </div>
        </div>
        {entity === "opportunities" ? (
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={createClients}
              disabled={busy !== null || committed}
              onChange={(event) => setCreateClients(event.target.checked)}
            />
            Create clients the file names but we do not have yet
          </label>
        ) : null}
        <Button type="submit" disabled={busy !== null || committed}>
          {busy === "checking" ? "Checking…" : "Check file"}
        </Button>
      </form>

      {problem ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <p>{problem.detail}</p>
          {problem.errors.length > 0 ? (
            <ul className="mt-1 list-disc pl-5">
              {problem.errors.map((error, i) => (
                <li key={i}>
                  {error.field === "file" ? "The file" : error.field} {error.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {dryRun ? (
        <>
          {!committed ? (
            <MappingStep dryRun={dryRun} mapping={mapping} onChange={setMapping} busy={busy !== null} onApply={() => void check(mapping)} />
          ) : null}
          <ImportReport dryRun={dryRun} noun={list.noun} />
          {committed ? (
            <p className="text-sm">
              <Link href={list.href} className="font-medium text-brand-700 underline underline-offset-2">
                See the imported {list.noun}s
              </Link>
            </p>
          ) : dryRun.valid_rows > 0 ? (
            <Button onClick={() => void commit()} disabled={busy !== null}>
              {busy === "committing" ? "Importing…" : `Import ${dryRun.valid_rows} ${list.noun}${dryRun.valid_rows === 1 ? "" : "s"}`}
            </Button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
