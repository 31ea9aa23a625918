import type { TryField } from "./fields";

const INPUT =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 font-mono text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none";

type Props = { id: string; field: TryField; value: string; onChange: (value: string) => void };

/** One parameter field: a select for enums and booleans, a text input otherwise. */
export function ParamInput({ id, field, value, onChange }: Props) {
  return (
    <div>
      <label htmlFor={id} className="flex flex-wrap items-baseline gap-x-1.5 text-xs font-medium text-slate-700">
        <span className="font-mono">{field.name}</span>
        <span className="font-normal text-slate-500">({field.in})</span>
        {field.required ? <span className="text-red-700">required</span> : null}
      </label>
      {field.choices ? (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={INPUT}>
          <option value="">{field.required ? "Choose…" : field.hint ? `(${field.hint})` : "(not set)"}</option>
          {field.choices.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder={field.hint}
          required={field.required}
          autoComplete="off"
          spellCheck={false}
          className={INPUT}
        />
      )}
    </div>
  );
}
