import { InlineMarkdown } from "./markdown";
import type { ResponseView, Schemas } from "./model";
import { SchemaView } from "./schema-view";

export function ResponsesList({ responses, schemas }: { responses: ResponseView[]; schemas: Schemas }) {
  const successes = responses.filter((r) => !r.isError);
  const errors = responses.filter((r) => r.isError);
  return (
    <div className="space-y-3">
      {successes.map((response) => (
        <div key={response.status} className="rounded-md border border-emerald-200 bg-emerald-50/40 p-3">
          <div className="flex flex-wrap items-center gap-2">
            <StatusCode status={response.status} />
            <span className="text-sm font-medium text-slate-800">
              <InlineMarkdown text={response.description} />
            </span>
            {response.contentType ? <code className="font-mono text-xs text-slate-500">{response.contentType}</code> : null}
          </div>
          {response.schema ? (
            <div className="mt-2">
              <SchemaView schema={response.schema} schemas={schemas} />
            </div>
          ) : null}
        </div>
      ))}
      {errors.length ? (
        <div className="rounded-md border border-slate-200 bg-white">
          <ul className="divide-y divide-slate-100">
            {errors.map((response) => (
              <li key={response.status} className="flex gap-3 px-3 py-2 text-sm">
                <StatusCode status={response.status} />
                <span className="text-slate-700">
                  <InlineMarkdown text={response.description} />
                </span>
              </li>
            ))}
          </ul>
          <p className="border-t border-slate-100 px-3 py-2 text-xs text-slate-500">
            Errors are{" "}
            <a href="#schema-Problem" className="font-medium text-brand-700 hover:underline">
              Problem
            </a>{" "}
            documents (<code className="font-mono">application/problem+json</code>).
          </p>
        </div>
      ) : null}
    </div>
  );
}

export function StatusCode({ status }: { status: string }) {
  const color = status.startsWith("2")
    ? "bg-emerald-100 text-emerald-800"
    : status.startsWith("4")
      ? "bg-amber-100 text-amber-900"
      : "bg-red-100 text-red-800";
  return <span className={`inline-flex h-6 shrink-0 items-center rounded px-1.5 font-mono text-xs font-bold ${color}`}>{status}</span>;
}
