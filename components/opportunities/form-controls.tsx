import type { ComponentProps, ReactNode } from "react";

/**
 * Labelled inputs for react-hook-form: like `components/ui/field` but they pass `ref` through (register needs it
 * to focus the first invalid field). The message reads after the label: "Estimated value is required".
 */

const controlClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-invalid:border-red-500";

type Labelled = { id: string; label: string; error?: string; hint?: ReactNode; className?: string };

function Frame({ id, label, error, hint, className, children }: Labelled & { children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && !error ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-red-600">
          {/^(is|must|has|can)\b/.test(error) ? `${label} ${error}` : error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, error?: string, hint?: ReactNode): string | undefined {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

export function TextControl({ id, label, error, hint, className, ...input }: Labelled & Omit<ComponentProps<"input">, "id" | "className">) {
  return (
    <Frame id={id} label={label} error={error} hint={hint} className={className}>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} className={controlClass} {...input} />
    </Frame>
  );
}

export function TextAreaControl({ id, label, error, hint, className, ...textarea }: Labelled & Omit<ComponentProps<"textarea">, "id" | "className">) {
  return (
    <Frame id={id} label={label} error={error} hint={hint} className={className}>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} className={controlClass} {...textarea} />
    </Frame>
  );
}

export function SelectControl({
  id,
  label,
  error,
  hint,
  className,
  options,
  ...select
}: Labelled & Omit<ComponentProps<"select">, "id" | "className"> & { options: { value: string; label: string }[] }) {
  return (
    <Frame id={id} label={label} error={error} hint={hint} className={className}>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} className={controlClass} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}
