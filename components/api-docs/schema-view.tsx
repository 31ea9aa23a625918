import type { ReactNode } from "react";
import type { JsonSchema, Schemas } from "./model";
import { InlineMarkdown } from "./markdown";
import { constraints, displayValue, enumValues, exampleOf, nestedObject, refName, resolveSchema, typeLabel } from "./schema-utils";

const MAX_DEPTH = 5;

/** A schema as a readable, nested list of fields with their types, rules and examples. */
export function SchemaView({ schema, schemas }: { schema: JsonSchema; schemas: Schemas }) {
  const nested = nestedObject(schema, schemas);
  return (
    <div className="space-y-2">
      <p className="text-xs text-slate-500">
        <TypeLabel schema={schema} />
      </p>
      {nested ? (
        <PropertyList schema={nested.schema} schemas={schemas} seen={nested.ref ? [refName(nested.ref)] : []} depth={0} />
      ) : (
        <FieldFacts schema={schema} schemas={schemas} />
      )}
    </div>
  );
}

type ListProps = { schema: JsonSchema; schemas: Schemas; seen: string[]; depth: number };

function PropertyList({ schema, schemas, seen, depth }: ListProps) {
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(schema.properties ?? {});
  if (entries.length === 0) return <p className="text-sm text-slate-500">No fields.</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
      {entries.map(([name, property]) => (
        <PropertyRow key={name} name={name} schema={property} required={required.has(name)} schemas={schemas} seen={seen} depth={depth} />
      ))}
    </ul>
  );
}

function PropertyRow({ name, required, ...props }: ListProps & { name: string; required: boolean }) {
  const { schema, schemas, seen, depth } = props;
  const nested = nestedObject(schema, schemas);
  const nestedRef = nested?.ref ? refName(nested.ref) : undefined;
  const expandable = nested && !(nestedRef && seen.includes(nestedRef)) && depth < MAX_DEPTH;
  const description = schema.description ?? resolveSchema(schema, schemas).description;
  return (
    <li className="px-3 py-2">
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
        <code className="font-mono text-sm font-semibold text-slate-900">{name}</code>
        <span className="text-xs text-slate-500">
          <TypeLabel schema={schema} />
        </span>
        {required ? <span className="text-[0.65rem] font-semibold tracking-wide text-red-700 uppercase">required</span> : null}
      </div>
      {description ? (
        <p className="mt-0.5 text-sm text-slate-600">
          <InlineMarkdown text={description} />
        </p>
      ) : null}
      <FieldFacts schema={schema} schemas={schemas} />
      {expandable ? (
        <details className="group/nested mt-1.5" open={depth === 0}>
          <summary className="cursor-pointer text-xs font-medium text-brand-700 select-none hover:underline">
            {nestedRef ?? "Object"} fields
          </summary>
          <div className="mt-2 border-l-2 border-slate-200 pl-3">
            <PropertyList schema={nested.schema} schemas={schemas} seen={nestedRef ? [...seen, nestedRef] : seen} depth={depth + 1} />
          </div>
        </details>
      ) : null}
    </li>
  );
}

/** Type label with component names linked to their entry in the Schemas section. */
export function TypeLabel({ schema }: { schema: JsonSchema }) {
  const ref = schema.$ref ?? schema.items?.$ref;
  if (!ref) return <>{typeLabel(schema)}</>;
  const name = refName(ref);
  return (
    <>
      {schema.items ? "array of " : null}
      <a href={`#schema-${name}`} className="font-medium text-brand-700 hover:underline">
        {name}
      </a>
    </>
  );
}

function FieldFacts({ schema, schemas }: { schema: JsonSchema; schemas: Schemas }) {
  const values = enumValues(schema, schemas);
  const rules = constraints(schema);
  const example = exampleOf(schema);
  if (!values && rules.length === 0 && schema.default === undefined && example === undefined) return null;
  return (
    <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-slate-600">
      {values ? (
        <span className="inline-flex flex-wrap items-center gap-1">
          <span>one of</span>
          {values.map((value) => (
            <Chip key={String(value)}>{String(value)}</Chip>
          ))}
        </span>
      ) : null}
      {rules.map((rule) => (
        <Chip key={rule}>{rule}</Chip>
      ))}
      {schema.default !== undefined ? <Chip>default {displayValue(schema.default)}</Chip> : null}
      {example !== undefined && typeof example !== "object" ? <Chip>e.g. {displayValue(example)}</Chip> : null}
    </div>
  );
}

function Chip({ children }: { children: ReactNode }) {
  return <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[0.7rem] break-all text-slate-700">{children}</span>;
}
