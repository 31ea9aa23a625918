import type { ComponentProps, ReactNode } from "react";
import { controlClass, FieldFrame } from "./field-frame";

type FieldProps = Omit<ComponentProps<"input">, "className"> & { label: string; error?: string; hint?: ReactNode; className?: string };

/** A labelled input with its hint or error wired to aria-describedby; `ref` (react-hook-form's register) reaches the input. */
export function Field({ label, error, hint, id, name, className, ...input }: FieldProps) {
  return (
    <FieldFrame label={label} controlId={id ?? `field-${name}`} error={error} hint={hint} className={className}>
      {(aria) => <input name={name} className={controlClass} {...aria} {...input} />}
    </FieldFrame>
  );
}
