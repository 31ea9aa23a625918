import type { ReactNode } from "react";

/** The look of every text input and select. */
export const controlClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-invalid:border-red-500";

type ControlAria = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

type FieldFrameProps = {
  label: string;
  controlId: string;
  error?: string;
  hint?: ReactNode;
  className?: string;
  children: (aria: ControlAria) => ReactNode;
};

/** "is required" reads as "Name is required"; a message that is a sentence of its own stays as it is. */
function errorText(label: string, error: string): string {
  return /^(is|must|has|can)\b/.test(error) ? `${label} ${error}` : error;
}

/** A label, the control (given its id and ARIA wiring) and the hint or the error message below it. */
export function FieldFrame({ label, controlId, error, hint, className, children }: FieldFrameProps) {
  const errorId = `${controlId}-error`;
  const hintId = `${controlId}-hint`;
  const describedBy = error ? errorId : hint ? hintId : undefined;
  return (
    <div className={className}>
      <label htmlFor={controlId} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({ id: controlId, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint && !error ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="mt-1 text-xs text-red-600">
          {errorText(label, error)}
        </p>
      ) : null}
    </div>
  );
}
