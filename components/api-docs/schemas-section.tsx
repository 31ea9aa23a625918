import { useState } from "react";
import type { JsonSchema, Schemas } from "./model";
import { SchemaView } from "./schema-view";

/** Every reusable schema, each addressable as #schema-<Name> from the type links. */
export function SchemasSection({ schemas }: { schemas: Schemas }) {
  const names = Object.keys(schemas).sort((a, b) => a.localeCompare(b));
  if (names.length === 0) return null;
  return (
    <section id="schemas" aria-labelledby="schemas-heading" className="scroll-mt-4 space-y-3">
      <h2 id="schemas-heading" className="text-xl font-semibold tracking-tight text-slate-900">
        Schemas
      </h2>
      <div className="space-y-2">
        {names.map((name) => (
          <SchemaEntry key={name} name={name} schema={schemas[name]!} schemas={schemas} />
        ))}
      </div>
    </section>
  );
}

function SchemaEntry({ name, schema, schemas }: { name: string; schema: JsonSchema; schemas: Schemas }) {
  const [open, setOpen] = useState(false);
  return (
    <details
      id={`schema-${name}`}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      className="group scroll-mt-4 rounded-lg border border-slate-200 bg-white"
    >
      <summary className="cursor-pointer rounded-lg px-3 py-2 font-mono text-sm font-semibold text-slate-900 select-none hover:bg-slate-50">
        {name}
        {schema.description ? <span className="ml-3 font-sans text-xs font-normal text-slate-500">{schema.description}</span> : null}
      </summary>
      {open ? (
        <div className="border-t border-slate-100 p-3">
          <SchemaView schema={schema} schemas={schemas} />
        </div>
      ) : null}
    </details>
  );
}
