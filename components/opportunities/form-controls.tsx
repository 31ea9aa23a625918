import type { ComponentProps, ReactNode } from "react";
import { controlClass, FieldFrame } from "@/components/ui/field-frame";

/** Labelled inputs for react-hook-form (whose `register` passes `ref` through to focus the first invalid field). */

type Labelled = { id: string; label: string; error?: string; hint?: ReactNode; className?: string };

export function TextControl({ id, label, error, hint, className, ...input }: Labelled & Omit<ComponentProps<"input">, "id" | "className">) {
  return (
    <FieldFrame controlId={id} label={label} error={error} hint={hint} className={className}>
      {(aria) => <input className={controlClass} {...aria} {...input} />}
    </FieldFrame>
  );
}

export function TextAreaControl({
  id,
  label,
  error,
  hint,
  className,
  ...textarea
}: Labelled & Omit<ComponentProps<"textarea">, "id" | "className">) {
  return (
    <FieldFrame controlId={id} label={label} error={error} hint={hint} className={className}>
      {(aria) => <textarea className={controlClass} {...aria} {...textarea} />}
    </FieldFrame>
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
    <FieldFrame controlId={id} label={label} error={error} hint={hint} className={className}>
      {(aria) => (
        <select className={controlClass} {...aria} {...select}>
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
