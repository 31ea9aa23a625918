import type { SelectHTMLAttributes } from "react";
import { controlClass, FieldFrame } from "./field-frame";

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  options: { value: string; label: string }[];
  error?: string;
};

/** A labelled select with its error message wired to aria-describedby (the select twin of `Field`). */
export function SelectField({ label, name, options, error, id, className, ...select }: SelectFieldProps) {
  return (
    <FieldFrame label={label} controlId={id ?? `field-${name}`} error={error} className={className}>
      {(aria) => (
        <select name={name} className={controlClass} {...aria} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
