import { StatusCode } from "../responses-list";

export type TryResult = {
  status: number;
  statusText: string;
  ms: number;
  headers: [string, string][];
  body: string;
  streaming: boolean;
};

export function ResponseView({ result, onStop }: { result: TryResult; onStop: () => void }) {
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <StatusCode status={String(result.status)} />
        <span className="font-medium text-slate-800">{result.statusText}</span>
        <span className="text-xs text-slate-500">{result.ms} ms</span>
        {result.streaming ? (
          <button
            type="button"
            onClick={onStop}
            className="ml-auto rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
          >
            Stop streaming
          </button>
        ) : null}
      </div>
      <details className="rounded-md border border-slate-200 bg-white text-xs">
        <summary className="cursor-pointer px-3 py-1.5 font-medium text-slate-600 select-none">Headers ({result.headers.length})</summary>
        <dl className="grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-3 gap-y-1 border-t border-slate-100 px-3 py-2 font-mono">
          {result.headers.map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="text-slate-500">{name}</dt>
              <dd className="break-all text-slate-800">{value}</dd>
            </div>
          ))}
        </dl>
      </details>
      <pre
        className="max-h-96 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100"
        tabIndex={0}
        aria-label="Response body"
      >
        {result.body || (result.streaming ? "Waiting for events…" : "(empty body)")}
      </pre>
    </div>
  );
}

export function prettyBody(text: string, contentType: string): string {
  if (!/json/i.test(contentType)) return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
