"use client";

import { useState, useTransition, type ReactNode } from "react";
import type { ActionResult } from "@/lib/http/browser";
import { Button } from "./button";
import { ConfirmDialog } from "./confirm-dialog";

type DeleteButtonProps = {
  /** "client", "quote", …: the dialog says "Delete this client?". */
  noun: string;
  /** What the user loses, in a sentence. */
  message: ReactNode;
  /** The server action, bound to the record: it redirects when done, or answers why not. */
  remove: () => Promise<ActionResult>;
};

/** Delete, after a confirmation; a refusal is shown in the dialog. */
export function DeleteButton({ noun, message, remove }: DeleteButtonProps) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <>
      <Button
        variant="danger"
        onClick={() => {
          setError(undefined);
          setOpen(true);
        }}
      >
        Delete
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete this ${noun}?`}
        message={message}
        confirmLabel={`Delete ${noun}`}
        variant="danger"
        pending={pending}
        error={error}
        onCancel={() => setOpen(false)}
        onConfirm={() =>
          startTransition(async () => {
            const result = await remove();
            if (result && !result.ok) setError([result.message, ...Object.values(result.errors)].filter(Boolean).join(" "));
          })
        }
      />
    </>
  );
}
