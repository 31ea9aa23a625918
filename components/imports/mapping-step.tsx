import type { ImportOut } from "@/lib/imports/browser";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field-frame";

type MappingStepProps = {
  dryRun: ImportOut;
  mapping: Record<string, string | null>;
  onChange: (mapping: Record<string, string | null>) => void;
  onApply: () => void;
  busy: boolean;
};

const label = (field: string) => field.replaceAll("_", " ");

/** Which column each field is read from, as matched by header; change any and check the file again. */
export function MappingStep({ dryRun, mapping, onChange, onApply, busy }: MappingStepProps) {
  const changed = dryRun.fields.some((field) => (mapping[field.name] ?? null) !== (dryRun.mapping[field.name] ?? null));
  return (
    <section aria-labelledby="mapping-title" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="mapping-title" className="text-base font-semibold">
        Columns
      </h2>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {dryRun.fields.map((field) => (
          <div key={field.name}>
            <label htmlFor={`map-${field.name}`} className="block text-sm font-medium text-slate-700">
              {label(field.name)}
              {field.required ? <span className="text-red-600"> *</span> : null}
            </label>
            <select
              id={`map-${field.name}`}
              className={controlClass}
              value={mapping[field.name] ?? ""}
              disabled={busy}
              onChange={(event) => onChange({ ...mapping, [field.name]: event.target.value || null })}
            >
              <option value="">(not in the file)</option>
              {dryRun.headers.map((header) => (
                <option key={header} value={header}>
                  {header}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <Button variant="secondary" onClick={onApply} disabled={busy || !changed}>
        Check again with these columns
      </Button>
    </section>
  );
}
