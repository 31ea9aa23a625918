import type { ParameterView, Schemas } from "./model";
import { TypeLabel } from "./schema-view";
import { InlineMarkdown } from "./markdown";
import { constraints, displayValue, enumValues, exampleOf } from "./schema-utils";

export function ParametersTable({ parameters, schemas }: { parameters: ParameterView[]; schemas: Schemas }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="w-full min-w-[32rem] text-left text-sm">
        <thead className="bg-slate-50 text-xs text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Name
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              In
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Type
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Description
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {parameters.map((p) => {
            const values = enumValues(p.schema, schemas);
            const example = exampleOf(p.schema);
            const notes = [
              ...constraints(p.schema),
              ...(p.schema.default !== undefined ? [`default ${displayValue(p.schema.default)}`] : []),
              ...(values ? [`one of ${values.join(", ")}`] : []),
              ...(example !== undefined ? [`e.g. ${displayValue(example)}`] : []),
            ];
            return (
              <tr key={`${p.in}-${p.name}`} className="align-top">
                <td className="px-3 py-2">
                  <code className="font-mono font-semibold text-slate-900">{p.name}</code>
                  {p.required ? (
                    <span className="ml-2 text-[0.65rem] font-semibold tracking-wide text-red-700 uppercase">required</span>
                  ) : null}
                </td>
                <td className="px-3 py-2 text-slate-600">{p.in}</td>
                <td className="px-3 py-2 text-slate-600">
                  <TypeLabel schema={p.schema} />
                </td>
                <td className="px-3 py-2 text-slate-600">
                  {p.description ? (
                    <p>
                      <InlineMarkdown text={p.description} />
                    </p>
                  ) : null}
                  {notes.length ? <p className="mt-0.5 font-mono text-xs text-slate-500">{notes.join(" · ")}</p> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
