import { lastStreamSeq } from "./repository";

/** A stream id as the stream writes it: the decimal seq of a notification (bigint, so at most 19 digits). */
const STREAM_ID = /^[0-9]{1,19}$/;
const MAX_SEQ = 2n ** 63n - 1n;

/** The seq a Last-Event-ID header names, or null when it names none (absent, malformed, out of range). */
export function parseStreamId(value: string | null | undefined): bigint | null {
  const text = value?.trim();
  if (!text || !STREAM_ID.test(text)) return null;
  const seq = BigInt(text);
  return seq <= MAX_SEQ ? seq : null;
}

/**
 * Where a stream starts: after the notification the client last received (`replay`: send what came since), or,
 * without a usable Last-Event-ID (absent, malformed, or beyond anything this user has: another user's or another
 * database's), after the user's newest notification, so that only what comes next is sent.
 */
export async function resumePoint(userId: string, lastEventId: string | null | undefined): Promise<{ after: bigint; replay: boolean }> {
  const newest = await lastStreamSeq(userId);
  const resumeAfter = parseStreamId(lastEventId);
  if (resumeAfter === null || resumeAfter > newest) return { after: newest, replay: false };
  return { after: resumeAfter, replay: resumeAfter < newest };
}
