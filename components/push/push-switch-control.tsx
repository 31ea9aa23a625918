"use client";

import { useEffect, useState } from "react";
import { currentSubscription, pushSupport, turnPushOff, turnPushOn } from "./browser-push";

type State = "checking" | "unsupported" | "denied" | "off" | "on";

const SENTENCES: Record<State, string> = {
  checking: "Checking this browser…",
  unsupported: "This browser cannot show desktop notifications.",
  denied: "Notifications are blocked for OnQuota in this browser. Allow them in the browser's site settings, then reload this page.",
  off: "Off in this browser.",
  on: "On: new notifications appear on this computer, also when no OnQuota tab is open.",
};

/**
 * The "Desktop notifications" switch for this browser. On: asks for permission, subscribes with the server's key and
 * registers the subscription; off: forgets it and unsubscribes. It is on only when this browser's subscription is
 * one of the user's (`endpoints`), not one left by someone else who signed in here.
 */
export function PushSwitchControl({ publicKey, endpoints }: { publicKey: string; endpoints: string[] }) {
  const [state, setState] = useState<State>("checking");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    const support = pushSupport();
    const check = async (): Promise<State> => {
      if (support !== "available") return support;
      const subscription = await currentSubscription();
      return subscription && endpoints.includes(subscription.endpoint) ? "on" : "off";
    };
    check()
      .catch(() => "off" as const)
      .then((next) => {
        if (active) setState(next);
      });
    return () => {
      active = false;
    };
  }, [endpoints]);

  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      if (state === "on") {
        await turnPushOff();
        setState("off");
      } else {
        const result = await turnPushOn(publicKey);
        if (result === "dismissed") setError("Notifications were not allowed. Try again and choose Allow.");
        setState(result === "dismissed" ? "off" : result);
      }
    } catch (failure) {
      setError(`Could not turn desktop notifications ${state === "on" ? "off" : "on"}: ${(failure as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const on = state === "on";
  const usable = state === "on" || state === "off";
  return (
    <div className="mt-3 space-y-2">
      <div className="flex items-center gap-3">
        <button
          type="button"
          role="switch"
          aria-checked={on}
          aria-labelledby="push-switch-label"
          aria-describedby="push-switch-state"
          disabled={!usable || busy}
          onClick={toggle}
          className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:opacity-50 ${on ? "bg-brand-600" : "bg-slate-300"}`}
        >
          <span
            className={`inline-block h-5 w-5 rounded-full bg-white shadow transition-transform ${on ? "translate-x-5" : "translate-x-0.5"}`}
          />
        </button>
        <span id="push-switch-label" className="text-sm font-medium">
          Desktop notifications in this browser
        </span>
      </div>
      <p id="push-switch-state" className="text-sm text-slate-600" aria-live="polite">
        {busy ? (on ? "Turning off…" : "Turning on…") : SENTENCES[state]}
      </p>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
