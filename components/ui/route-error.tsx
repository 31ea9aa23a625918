"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";

/** The error state of a page (its `error.tsx`): what failed, and a way to try again. */
export function RouteError({ title, error, retry }: { title: string; error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50 px-6 py-10 text-center">
      <p className="text-base font-medium text-red-800">{title}</p>
      <p className="mt-2 text-sm text-red-700">Something went wrong on our side. Your data is safe; try again in a moment.</p>
      {digest ? <p className="mt-1 text-xs text-red-700">Reference: {digest}</p> : null}
      <Button className="mt-4" onClick={() => retry()}>
        Try again
      </Button>
    </div>
  );
}
