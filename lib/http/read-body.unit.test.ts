import { describe, expect, it } from "vitest";
import { PayloadTooLargeError } from "@/lib/errors";
import { readBodyText } from "./read-body";

/** A request whose body arrives in these chunks; `pulled` counts the chunks read from it. */
function chunkedRequest(chunks: (string | Uint8Array)[], headers: Record<string, string> = {}) {
  const state = { pulled: 0, cancelled: false };
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === chunks.length) return controller.close();
      const chunk = chunks[state.pulled++]!;
      controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  const request = new Request("http://localhost/api/v1/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, state };
}

describe("readBodyText", () => {
  it("reads a body within the limit, multi-byte characters split across chunks included", async () => {
    const euro = new TextEncoder().encode("€");
    const { request } = chunkedRequest(['{"a":"', euro.subarray(0, 1), euro.subarray(1), '"}']);
    expect(await readBodyText(request, 100)).toBe('{"a":"€"}');
  });

  it("stops reading at the limit and cancels the rest of the body", async () => {
    const { request, state } = chunkedRequest(["aaaa", "bbbb", "cccc", "dddd", "eeee"]);
    await expect(readBodyText(request, 10)).rejects.toBeInstanceOf(PayloadTooLargeError);
    expect(state.pulled).toBeLessThan(5);
    expect(state.cancelled).toBe(true);
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const { request } = chunkedRequest(["aaaa"], { "content-length": "11" });
    await expect(readBodyText(request, 10)).rejects.toMatchObject({ status: 413, title: "Content Too Large" });
    expect(request.bodyUsed).toBe(false);
  });

  it("an empty body is empty text", async () => {
    expect(await readBodyText(new Request("http://localhost", { method: "POST" }), 10)).toBe("");
  });
});
