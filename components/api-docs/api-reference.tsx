"use client";

import { Markdown } from "./markdown";
import type { ReferenceView } from "./model";
import { OpenOnHash } from "./open-on-hash";
import { OperationCard } from "./operation-card";
import { ReferenceNav, slug } from "./reference-nav";
import { SchemasSection } from "./schemas-section";

type Props = { reference: ReferenceView; documentUrl: string };

/**
 * The whole reference: navigation, introduction, one card per operation grouped by tag, and the schemas. Rendered
 * on the client from the compact reference data, so the page ships the data once rather than a server-rendered tree.
 */
export function ApiReference({ reference, documentUrl }: Props) {
  const operationCount = reference.tags.reduce((n, tag) => n + tag.operations.length, 0);
  return (
    <div className="mx-auto max-w-7xl px-4 lg:grid lg:grid-cols-[18rem_minmax(0,1fr)] lg:gap-10">
      <OpenOnHash />
      <aside className="hidden lg:block">
        <div className="sticky top-0 max-h-screen overflow-y-auto py-8 pr-2">
          <ReferenceNav reference={reference} />
        </div>
      </aside>
      <main className="min-w-0 space-y-10 py-8">
        <header className="space-y-4">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{reference.title}</h1>
            {reference.version ? (
              <span className="rounded-full bg-brand-50 px-2.5 py-0.5 text-xs font-semibold text-brand-700 ring-1 ring-brand-100 ring-inset">
                v{reference.version}
              </span>
            ) : null}
            <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-600">OpenAPI 3.1</span>
          </div>
          {reference.description ? (
            <Markdown text={reference.description} className="max-w-3xl text-sm leading-relaxed text-slate-700" />
          ) : null}
          <dl className="flex flex-wrap gap-x-8 gap-y-2 text-sm">
            <div>
              <dt className="text-xs font-medium text-slate-500">Base URL</dt>
              <dd className="font-mono text-slate-900">{reference.baseUrl || "/"}</dd>
            </div>
            <div>
              <dt className="text-xs font-medium text-slate-500">Operations</dt>
              <dd className="text-slate-900">{operationCount}</dd>
            </div>
            <div>
              <dt className="text-xs font-medium text-slate-500">Machine-readable</dt>
              <dd>
                <a href={documentUrl} className="font-mono text-brand-700 hover:underline">
                  {documentUrl}
                </a>
              </dd>
            </div>
          </dl>
          <details className="rounded-lg border border-slate-200 bg-white lg:hidden">
            <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-700 select-none">Jump to an operation</summary>
            <div className="border-t border-slate-100 p-3">
              <ReferenceNav reference={reference} />
            </div>
          </details>
        </header>
        {reference.tags.map((tag) => (
          <section
            key={tag.name}
            id={`tag-${slug(tag.name)}`}
            aria-labelledby={`tag-${slug(tag.name)}-heading`}
            className="scroll-mt-4 space-y-3"
          >
            <div>
              <h2 id={`tag-${slug(tag.name)}-heading`} className="text-xl font-semibold tracking-tight text-slate-900">
                {tag.name}
              </h2>
              {tag.description ? <p className="mt-1 text-sm text-slate-600">{tag.description}</p> : null}
            </div>
            <div className="space-y-2">
              {tag.operations.map((op) => (
                <OperationCard key={op.id} operation={op} schemas={reference.schemas} baseUrl={reference.baseUrl} />
              ))}
            </div>
          </section>
        ))}
        <SchemasSection schemas={reference.schemas} />
      </main>
    </div>
  );
}
