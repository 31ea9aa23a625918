import type { ComponentProps, ReactNode } from "react";
import { controlClass, FieldFrame } from "./field-frame";

export type SelectOption = { value: string; label: string };

type SelectFieldProps = Omit<ComponentProps<"select">, "className"> & {
  label: string;
  options: SelectOption[];
  error?: string;
  hint?: ReactNode;
  className?: string;
};

/** The one labelled select (forms, filters, react-hook-form alike), wired like `Field`. */
export function SelectField({ label, options, error, hint, id, name, className, ...select }: SelectFieldProps) {
  return (
    <FieldFrame label={label} controlId={id ?? `field-${name}`} error={error} hint={hint} className={className}>
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
