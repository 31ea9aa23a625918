import { useState, type ReactNode } from "react";
import { Markdown } from "./markdown";
import { MethodBadge, PathText } from "./method-badge";
import type { OperationView, Schemas } from "./model";
import { ParametersTable } from "./parameters-table";
import { ResponsesList } from "./responses-list";
import { sampleOf } from "./schema-utils";
import { SchemaView } from "./schema-view";
import { toTryFields } from "./try-it/fields";
import { TryItPanel } from "./try-it/try-it-panel";

type Props = { operation: OperationView; schemas: Schemas; baseUrl: string };

/** One operation: a one-line summary that expands (its body is only rendered once opened) into the full reference. */
export function OperationCard({ operation: op, schemas, baseUrl }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <details
      id={op.id}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      className="group scroll-mt-4 rounded-lg border border-slate-200 bg-white shadow-sm open:shadow-md"
    >
      <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 rounded-lg px-3 py-2.5 select-none hover:bg-slate-50 sm:flex-nowrap [&::-webkit-details-marker]:hidden">
        <MethodBadge method={op.method} />
        <PathText path={op.path} className="text-sm font-semibold text-slate-900 sm:break-normal sm:whitespace-nowrap" />
        <span className="min-w-0 basis-full truncate text-sm text-slate-600 sm:flex-1 sm:basis-auto">{op.summary}</span>
        <span className="ml-auto flex shrink-0 items-center gap-1.5">
          {op.roles.map((role) => (
            <span key={role} className="rounded-full bg-slate-100 px-2 py-0.5 text-[0.65rem] font-semibold tracking-wide text-slate-600">
              {role}
            </span>
          ))}
          {op.requiresAuth ? null : (
            <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-[0.65rem] font-semibold text-emerald-700">PUBLIC</span>
          )}
          <Chevron />
        </span>
      </summary>
      {open ? <OperationBody operation={op} schemas={schemas} baseUrl={baseUrl} /> : null}
    </details>
  );
}

function OperationBody({ operation: op, schemas, baseUrl }: Props) {
  const bodyExample = op.body ? JSON.stringify(sampleOf(op.body.schema, schemas), null, 2) : undefined;
  return (
    <div className="space-y-5 border-t border-slate-100 px-3 py-4 sm:px-4">
      <div className="space-y-2 text-sm text-slate-700">
        <p className="font-medium text-slate-900">{op.summary}</p>
        {op.description ? <Markdown text={op.description} /> : null}
        <p className="text-xs text-slate-500">
          {op.requiresAuth ? "Requires a bearer token or a signed-in session cookie." : "No authentication needed."} Operation id{" "}
          <code className="font-mono">{op.id}</code>.
        </p>
      </div>
      {op.parameters.length ? (
        <Section title="Parameters">
          <ParametersTable parameters={op.parameters} schemas={schemas} />
        </Section>
      ) : null}
      {op.body ? (
        <Section title="Request body" aside={op.body.contentType}>
          <SchemaView schema={op.body.schema} schemas={schemas} />
        </Section>
      ) : null}
      <Section title="Responses">
        <ResponsesList responses={op.responses} schemas={schemas} />
      </Section>
      <Section title="Try it">
        <TryItPanel
          method={op.method}
          path={op.path}
          baseUrl={baseUrl}
          fields={toTryFields(op.parameters, schemas)}
          bodyExample={bodyExample}
          requiresAuth={op.requiresAuth}
        />
      </Section>
    </div>
  );
}

function Section({ title, aside, children }: { title: string; aside?: string; children: ReactNode }) {
  return (
    <section className="space-y-2">
      <h4 className="flex items-baseline gap-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        {title}
        {aside ? <code className="font-mono font-normal normal-case">{aside}</code> : null}
      </h4>
      {children}
    </section>
  );
}

function Chevron() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      className="h-4 w-4 text-slate-400 transition-transform group-open:rotate-180"
      fill="currentColor"
    >
      <path
        fillRule="evenodd"
        d="M5.23 7.21a.75.75 0 0 1 1.06.02L10 11.17l3.71-3.94a.75.75 0 1 1 1.08 1.04l-4.25 4.5a.75.75 0 0 1-1.08 0l-4.25-4.5a.75.75 0 0 1 .02-1.06Z"
        clipRule="evenodd"
      />
    </svg>
  );
}
