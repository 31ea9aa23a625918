"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * The sign-in button, and while a sign-in limit holds, "Too many attempts, try again in N s" counting down from
 * the server's figure (the one the API sends in Retry-After) with the button disabled until it reaches zero.
 * Mounted afresh (by key) for each answer of the server.
 */
export function SignInButton({ retryAfterSeconds = 0, pending }: { retryAfterSeconds?: number; pending: boolean }) {
  const [secondsLeft, setSecondsLeft] = useState(retryAfterSeconds);
  useEffect(() => {
    if (retryAfterSeconds <= 0) return;
    const until = Date.now() + retryAfterSeconds * 1000;
    const timer = setInterval(() => {
      const left = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      setSecondsLeft(left);
      if (left === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [retryAfterSeconds]);

  return (
    <>
      {secondsLeft > 0 ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
          Too many attempts, try again in {secondsLeft} s.
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending || secondsLeft > 0}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </>
  );
}
