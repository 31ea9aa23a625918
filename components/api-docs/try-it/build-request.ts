import type { HttpMethod } from "../model";
import type { TryField } from "./fields";

export type RequestDraft = {
  method: HttpMethod;
  baseUrl: string;
  path: string;
  fields: TryField[];
  values: Record<string, string>;
  body?: string;
  token: string;
};

export type BuiltRequest = { url: string; init: RequestInit; missing: string[] };

/** Turns the panel's fields into a fetch call; `missing` names required parameters left empty. */
export function buildRequest(draft: RequestDraft): BuiltRequest {
  const missing: string[] = [];
  const search = new URLSearchParams();
  const headers: Record<string, string> = { accept: "application/json, application/problem+json, text/event-stream" };
  let path = draft.path;
  for (const p of draft.fields) {
    const value = (draft.values[p.key] ?? "").trim();
    if (!value) {
      if (p.required) missing.push(p.name);
      continue;
    }
    if (p.in === "path") path = path.replace(`{${p.name}}`, encodeURIComponent(value));
    else if (p.in === "query") search.set(p.name, value);
    else headers[p.name] = value;
  }
  if (draft.token.trim()) headers.authorization = `Bearer ${draft.token.trim()}`;
  if (draft.body !== undefined) headers["content-type"] = "application/json";
  const query = search.toString();
  return {
    url: `${draft.baseUrl}${path}${query ? `?${query}` : ""}`,
    init: { method: draft.method, headers, body: draft.body, credentials: "same-origin" },
    missing,
  };
}

/** The same request as a curl command, for copying into a terminal. */
export function curlCommand(built: BuiltRequest, origin: string): string {
  const headers = Object.entries((built.init.headers ?? {}) as Record<string, string>)
    .filter(([name]) => name !== "accept")
    .map(([name, value]) => ` \\\n  -H ${shellQuote(`${name}: ${value}`)}`)
    .join("");
  const body = typeof built.init.body === "string" ? ` \\\n  --data ${shellQuote(built.init.body)}` : "";
  return `curl -X ${built.init.method} ${shellQuote(`${origin}${built.url}`)}${headers}${body}`;
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
