import type { InputHTMLAttributes, ReactNode } from "react";
import { controlClass, FieldFrame } from "./field-frame";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; error?: string; hint?: ReactNode };

/** A labelled input with its error message wired to aria-describedby. */
export function Field({ label, name, error, hint, id, className, ...input }: FieldProps) {
  return (
    <FieldFrame label={label} controlId={id ?? `field-${name}`} error={error} hint={hint} className={className}>
      {(aria) => <input name={name} className={controlClass} {...aria} {...input} />}
    </FieldFrame>
  );
}
