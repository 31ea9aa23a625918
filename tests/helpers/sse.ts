/**
 * Opens a Server-Sent Events route handler in-process and reads its body incrementally, so a test can wait
 * for the events as they arrive (tests/helpers/api.ts reads a body to its end, which a stream never reaches). Its
 * answer is held to the OpenAPI document like every other (./openapi-contract.ts).
 */
import { GET as notificationStream } from "@/app/api/v1/notifications/stream/route";
import { assertDocumented } from "./openapi-contract";

/** `id`: the event's own `id:` field, if it had one. */
export type SseEvent = { event: string; data: string; json: any; id: string | null };

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type SseClient = {
  status: number;
  headers: Headers;
  /** Every event received so far, in order. */
  events: SseEvent[];
  comments: string[];
  retry: number | null;
  /** The last event id received, as a browser keeps it to send back as Last-Event-ID when it reconnects. */
  lastEventId: string;
  /** The first not yet taken event named `name` (and matching `where`), waiting up to `timeoutMs` for it. */
  next(name: string, where?: (event: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  /**
   * Waits for the first not yet taken event named `name` (and matching `where`) and returns it with the not yet
   * taken events that arrived before it, all marked taken. "Nothing else was sent" is then `skipped` being empty
   * once a later event the test caused has arrived: an event to wait for, never a time window.
   */
  nextAfter(name: string, where?: (event: SseEvent) => boolean, timeoutMs?: number): Promise<{ event: SseEvent; skipped: SseEvent[] }>;
  /** Resolves when the server ends the body. */
  ended: Promise<void>;
  /** Aborts the request, as a browser does when the page goes away. */
  abort(): void;
};

export async function openSse(
  token: string | undefined,
  options: { handler?: RouteHandler; url?: string; lastEventId?: string } = {},
): Promise<SseClient> {
  const controller = new AbortController();
  const headers = new Headers({ accept: "text/event-stream" });
  if (token) headers.set("authorization", `Bearer ${token}`);
  if (options.lastEventId !== undefined) headers.set("last-event-id", options.lastEventId);
  const request = new Request(options.url ?? "http://localhost:3000/api/v1/notifications/stream", { headers, signal: controller.signal });
  const response = await (options.handler ?? notificationStream)(request, { params: Promise.resolve({}) });
  await assertDocumented(request, response);

  const events: SseEvent[] = [];
  const taken = new Set<SseEvent>();
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const client: SseClient = {
    status: response.status,
    headers: response.headers,
    events,
    comments,
    retry: null,
    lastEventId: "",
    next: (name, where = () => true, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find((e) => !taken.has(e) && e.event === name && where(e));
          if (!found) return false;
          taken.add(found);
          waiters.delete(check as () => void);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check as () => void);
          reject(new Error(`no "${name}" event within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
        }, timeoutMs);
        if (!check()) waiters.add(check as () => void);
      }),
    nextAfter: async (name, where, timeoutMs) => {
      const event = await client.next(name, where, timeoutMs);
      const skipped = events.slice(0, events.indexOf(event)).filter((e) => !taken.has(e));
      for (const e of skipped) taken.add(e);
      return { event, skipped };
    },
    ended: Promise.resolve(),
    abort: () => controller.abort(),
  };

  const parseBlock = (block: string) => {
    let event = "message";
    let id: string | null = null;
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) comments.push(line.slice(1).trim());
      else if (line.startsWith("event:")) event = line.slice(6).trim();
      else if (line.startsWith("id:")) id = line.slice(3).replace(/^ /, "");
      else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      else if (line.startsWith("retry:")) client.retry = Number(line.slice(6).trim());
    }
    if (id !== null) client.lastEventId = id;
    if (data.length === 0) return;
    const text = data.join("\n");
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    events.push({ event, data: text, json, id });
    for (const waiter of [...waiters]) waiter();
  };

  client.ended = (async () => {
    if (!response.body) return;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          parseBlock(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // an aborted request ends the body with an error
    }
  })();
  return client;
}
