import type { ComponentProps, ReactNode } from "react";
import { controlClass, FieldFrame } from "./field-frame";

type TextAreaFieldProps = Omit<ComponentProps<"textarea">, "className"> & {
  label: string;
  error?: string;
  hint?: ReactNode;
  className?: string;
};

/** A labelled text area, wired like `Field`. */
export function TextAreaField({ label, error, hint, id, name, className, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} controlId={id ?? `field-${name}`} error={error} hint={hint} className={className}>
      {(aria) => <textarea name={name} className={controlClass} {...aria} {...textarea} />}
    </FieldFrame>
  );
}
