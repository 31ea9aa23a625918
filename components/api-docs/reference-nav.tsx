import { MethodBadge } from "./method-badge";
import type { ReferenceView } from "./model";

/** Operations grouped by tag, linking to each card; a Schemas entry at the end. */
export function ReferenceNav({ reference }: { reference: ReferenceView }) {
  return (
    <nav aria-label="API operations" className="space-y-5 text-sm">
      {reference.tags.map((tag) => (
        <div key={tag.name}>
          <a
            href={`#tag-${slug(tag.name)}`}
            className="block px-2 text-xs font-semibold tracking-wide text-slate-500 uppercase hover:text-slate-800"
          >
            {tag.name}
          </a>
          <ul className="mt-1.5 space-y-0.5">
            {tag.operations.map((op) => (
              <li key={op.id}>
                <a
                  href={`#${op.id}`}
                  className="flex items-center gap-2 rounded-md px-2 py-1 text-slate-700 hover:bg-slate-100 hover:text-slate-900"
                >
                  <MethodBadge method={op.method} size="sm" />
                  <span className="truncate" title={op.summary}>
                    {op.path}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {Object.keys(reference.schemas).length ? (
        <a href="#schemas" className="block px-2 text-xs font-semibold tracking-wide text-slate-500 uppercase hover:text-slate-800">
          Schemas
        </a>
      ) : null}
    </nav>
  );
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
