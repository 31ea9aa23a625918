"use client";

import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import type { HttpMethod } from "../model";
import { buildRequest, curlCommand } from "./build-request";
import type { TryField } from "./fields";
import { ParamInput } from "./param-input";
import { prettyBody, ResponseView, type TryResult } from "./response-view";
import { useSessionToken } from "./use-session-token";

type Props = {
  method: HttpMethod;
  path: string;
  baseUrl: string;
  fields: TryField[];
  bodyExample?: string;
  requiresAuth: boolean;
};

const MAX_STREAM_CHARS = 50_000;
const noSubscription = () => () => {};

/** Sends the operation to this server from the browser: the session cookie rides along, a bearer token is optional. */
export function TryItPanel({ method, path, baseUrl, fields, bodyExample, requiresAuth }: Props) {
  const id = useId();
  const [values, setValues] = useState<Record<string, string>>({});
  const [body, setBody] = useState(bodyExample);
  const [token, setToken] = useSessionToken();
  const [result, setResult] = useState<TryResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );

  useEffect(() => () => abort.current?.abort(), []);

  const built = useMemo(
    () => buildRequest({ method, baseUrl, path, fields, values, body, token }),
    [method, baseUrl, path, fields, values, body, token],
  );

  async function send() {
    setError(null);
    if (built.missing.length) {
      setError(`Fill in ${built.missing.join(", ")}.`);
      return;
    }
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setPending(true);
    const started = performance.now();
    try {
      const response = await fetch(built.url, { ...built.init, signal: controller.signal });
      const contentType = response.headers.get("content-type") ?? "";
      const base = {
        status: response.status,
        statusText: response.statusText,
        ms: Math.round(performance.now() - started),
        headers: [...response.headers.entries()],
      };
      if (contentType.includes("text/event-stream") && response.body) {
        setResult({ ...base, body: "", streaming: true });
        setPending(false);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          const text = chunk.value;
          setResult((prev) => prev && { ...prev, body: (prev.body + text).slice(-MAX_STREAM_CHARS) });
        }
        setResult((prev) => prev && { ...prev, streaming: false });
      } else {
        setResult({ ...base, body: prettyBody(await response.text(), contentType), streaming: false });
      }
    } catch (err) {
      if (controller.signal.aborted) setResult((prev) => prev && { ...prev, streaming: false });
      else setError(`The request could not be sent: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3 sm:p-4"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      {fields.length ? (
        <div className="grid gap-3 sm:grid-cols-2">
          {fields.map((field) => (
            <ParamInput
              key={field.key}
              id={`${id}-${field.key}`}
              field={field}
              value={values[field.key] ?? ""}
              onChange={(value) => setValues((prev) => ({ ...prev, [field.key]: value }))}
            />
          ))}
        </div>
      ) : null}
      {body !== undefined ? (
        <div>
          <div className="flex items-baseline justify-between gap-2">
            <label htmlFor={`${id}-body`} className="text-xs font-medium text-slate-700">
              Request body <span className="font-normal text-slate-500">(application/json)</span>
            </label>
            {bodyExample !== undefined && body !== bodyExample ? (
              <button type="button" onClick={() => setBody(bodyExample)} className="text-xs font-medium text-brand-700 hover:underline">
                Reset to example
              </button>
            ) : null}
          </div>
          <textarea
            id={`${id}-body`}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            rows={Math.min(16, Math.max(4, body.split("\n").length + 1))}
            spellCheck={false}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-2 font-mono text-xs leading-relaxed shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
          />
        </div>
      ) : null}
      {requiresAuth ? (
        <div>
          <label htmlFor={`${id}-token`} className="text-xs font-medium text-slate-700">
            Bearer token <span className="font-normal text-slate-500">(optional when signed in; kept for this tab only)</span>
          </label>
          <input
            id={`${id}-token`}
            type="password"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            placeholder="paste an access_token"
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 font-mono text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
          />
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send request"}
        </Button>
        <code className="min-w-0 flex-1 font-mono text-xs break-all text-slate-600">
          {method} {built.url}
        </code>
      </div>
      <details className="text-xs">
        <summary className="cursor-pointer font-medium text-slate-600 select-none">As curl</summary>
        <pre className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-slate-100">{curlCommand(built, origin)}</pre>
      </details>
      <div aria-live="polite">
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
        {result ? <ResponseView result={result} onStop={() => abort.current?.abort()} /> : null}
      </div>
    </form>
  );
}
