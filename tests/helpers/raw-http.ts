/**
 * A plain HTTP client for tests that need what fetch cannot do: pick the loopback source address (to act as
 * several clients, or as a trusted proxy), send a chunked body of any size, or keep a body half sent.
 */
import http from "node:http";

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; text: string; json: () => any };

export type RawRequest = {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  /** Loopback source address, e.g. 127.0.0.5. */
  from?: string;
  /** A body sent with Content-Length. */
  body?: string | Buffer;
  /** A body sent chunked (no Content-Length, unless given in `headers`): these chunks, then the end. */
  chunks?: AsyncIterable<Buffer> | Iterable<Buffer>;
  /**
   * Sends `Expect: 100-continue` and holds `chunks` back until the server's 100 Continue, which proves the server
   * has taken the request in; called then.
   */
  onContinue?: () => void;
};

function finish(response: http.IncomingMessage): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    response.on("data", (chunk: Buffer) => parts.push(chunk));
    response.on("error", reject);
    response.on("end", () => {
      const text = Buffer.concat(parts).toString("utf8");
      resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: () => JSON.parse(text) });
    });
  });
}

function drainedOrClosed(request: http.ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      request.off("drain", done);
      request.off("close", done);
      resolve();
    };
    request.on("drain", done);
    request.on("close", done);
  });
}

/**
 * Sends a request and resolves with the response as soon as it has fully arrived, even if the server answered
 * before the body was sent (a 413): the rest of the body is then abandoned and write errors are ignored.
 */
export function rawRequest(options: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const url = new URL(options.url);
    const headers = { ...options.headers };
    if (options.body !== undefined) headers["content-length"] = String(Buffer.byteLength(options.body));
    if (options.onContinue) headers.expect = "100-continue";
    const request = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname + url.search,
      method: options.method ?? "GET",
      headers,
      localAddress: options.from,
      agent: false,
    });
    let answered = false;
    request.on("response", (response) => {
      answered = true;
      finish(response).then((result) => {
        request.destroy(); // a body the server did not wait for is abandoned
        resolve(result);
      }, reject);
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    const accepted = new Promise<void>((resolve) => {
      if (!options.onContinue) return resolve();
      request.once("continue", () => {
        options.onContinue!();
        resolve();
      });
      request.flushHeaders(); // the headers alone, to be answered with 100 Continue
    });
    if (options.chunks) {
      void (async () => {
        await accepted;
        for await (const chunk of options.chunks!) {
          if (answered || request.destroyed) return;
          if (!request.write(chunk)) await drainedOrClosed(request);
        }
        request.end();
      })().catch(() => undefined);
    } else {
      request.end(options.body);
    }
  });
}

/** `total` bytes of JSON-looking filler in chunks of `size`, produced as they are sent (never held in memory). */
export function* filler(total: number, size = 64 * 1024): Generator<Buffer> {
  const chunk = Buffer.alloc(size, "a");
  for (let sent = 0; sent < total; sent += size) yield sent + size <= total ? chunk : chunk.subarray(0, total - sent);
}
