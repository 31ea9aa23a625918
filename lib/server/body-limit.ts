import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { PayloadTooLargeError } from "@/lib/errors";
import { problemResponse } from "@/lib/http";

type Push = IncomingMessage["push"];

/** How long a refused upload's connection stays half-open after the answer, its further bytes discarded. */
const LINGER_MS = 2_000;

/**
 * Calls `admit` once the request's body is known to fit in `limitBytes`, else answers 413 problem+json and
 * closes the connection without handing the request on:
 * - a declared Content-Length over the limit is refused before a byte of the body is read;
 * - a declared Content-Length within it needs no counting (Node's parser never reads past it);
 * - a chunked body is counted as Node's parser hands it over (the request's `push`) and held (at most
 *   `limitBytes`) until it ends, then handed on unchanged. Past the limit, what was held is dropped and the
 *   rest is discarded as it arrives until the connection closes: memory never holds more than the limit.
 * The answer carries `Connection: close`; the connection then lingers (see lingerThenClose).
 */
export function admitBody(req: IncomingMessage, res: ServerResponse, limitBytes: number, admit: () => void): void {
  const declared = req.headers["content-length"];
  if (declared !== undefined) {
    if (Number(declared) > limitBytes) void refuse(res, limitBytes);
    else admit();
    return;
  }
  if (req.headers["transfer-encoding"] === undefined) return admit();

  const push: Push = req.push.bind(req);
  let held: Buffer[] = [];
  let received = 0;
  let refused = false;
  req.push = (chunk: Buffer | null, encoding?: BufferEncoding) => {
    if (refused) return true;
    if (chunk === null) {
      req.push = push;
      for (const part of held) push(part);
      held = [];
      push(null, encoding);
      admit();
      return false;
    }
    received += chunk.length;
    if (received > limitBytes) {
      refused = true;
      held = [];
      void refuse(res, limitBytes);
      return true;
    }
    held.push(chunk);
    return true;
  };
}

async function refuse(res: ServerResponse, limitBytes: number): Promise<void> {
  const error = new PayloadTooLargeError(limitBytes);
  const problem = problemResponse({ status: error.status, title: error.title, detail: error.message });
  const body = await problem.text();
  if (res.headersSent) return;
  res.writeHead(problem.status, {
    ...Object.fromEntries(problem.headers),
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    connection: "close",
  });
  if (res.socket) lingerThenClose(res.socket);
  res.end(body);
}

/**
 * Node destroys the socket as soon as a `Connection: close` answer is written (`destroySoon`). With the client
 * still sending, that resets the connection, and the client can lose the answer before reading it. Instead, as
 * web servers do: half-close after the answer, discard what still arrives, destroy after LINGER_MS.
 */
function lingerThenClose(socket: Socket): void {
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
}
