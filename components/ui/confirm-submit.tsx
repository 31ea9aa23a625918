"use client";

import { useRef, useState, type ReactNode } from "react";
import { ConfirmDialog } from "./confirm-dialog";

type ConfirmSubmitProps = {
  /** The button's own look and name. */
  className?: string;
  "aria-label"?: string;
  children: ReactNode;
  title: string;
  message: ReactNode;
  confirmLabel: string;
};

/**
 * A submit button that asks first: the form is sent only once the dialog is confirmed (without JavaScript, at once).
 * Focus returns to the button when the dialog is cancelled.
 */
export function ConfirmSubmit({ className, "aria-label": ariaLabel, children, title, message, confirmLabel }: ConfirmSubmitProps) {
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        ref={button}
        type="submit"
        className={className}
        aria-label={ariaLabel}
        onClick={(event) => {
          event.preventDefault();
          setOpen(true);
        }}
      >
        {children}
      </button>
      <ConfirmDialog
        open={open}
        title={title}
        message={message}
        confirmLabel={confirmLabel}
        variant="danger"
        onCancel={() => setOpen(false)}
        onConfirm={() => {
          setOpen(false);
          button.current?.form?.requestSubmit(button.current);
        }}
      />
    </>
  );
}
