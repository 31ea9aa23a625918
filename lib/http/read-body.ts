import { PayloadTooLargeError } from "@/lib/errors";

/**
 * The request body as text, read chunk by chunk and abandoned as soon as it passes `limitBytes` (a declared
 * Content-Length over the limit is refused before reading anything). Invalid UTF-8 becomes U+FFFD, as with
 * `request.text()`.
 */
export async function readBodyText(request: Request, limitBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limitBytes) throw new PayloadTooLargeError(limitBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    received += value.byteLength;
    if (received > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw new PayloadTooLargeError(limitBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
}
