/**
 * What travels on the PostgreSQL channel: ids only (NOTIFY payloads are capped at 8000 bytes, and every
 * subscriber re-reads what it needs through its own scope).
 */
export const NOTIFICATION_CHANNEL = "onquota_notifications";

export type LiveKind = "created" | "read" | "unread" | "read_all" | "deleted";

export type LiveEvent = { userId: string; kind: LiveKind; notificationIds: string[] };

/** 150 UUIDs (about 5.9 kB of JSON) keep a payload well under PostgreSQL's 8000-byte limit. */
const IDS_PER_PAYLOAD = 150;

type Wire = { u: string; k: LiveKind; n: string[] };

const KINDS: readonly LiveKind[] = ["created", "read", "unread", "read_all", "deleted"];

/** One payload per user and kind (more only past 150 ids). */
export function encodeLiveEvents(events: LiveEvent[]): string[] {
  const grouped = new Map<string, Wire>();
  for (const event of events) {
    const key = `${event.userId}:${event.kind}`;
    const wire = grouped.get(key) ?? { u: event.userId, k: event.kind, n: [] };
    wire.n.push(...event.notificationIds);
    grouped.set(key, wire);
  }
  const payloads: string[] = [];
  for (const wire of grouped.values()) {
    const ids = [...new Set(wire.n)];
    for (let start = 0; start === 0 || start < ids.length; start += IDS_PER_PAYLOAD) {
      payloads.push(JSON.stringify({ ...wire, n: ids.slice(start, start + IDS_PER_PAYLOAD) }));
    }
  }
  return payloads;
}

export function decodeLiveEvent(payload: string): LiveEvent | null {
  try {
    const wire = JSON.parse(payload) as Partial<Wire>;
    if (typeof wire.u !== "string" || !KINDS.includes(wire.k as LiveKind) || !Array.isArray(wire.n)) return null;
    return { userId: wire.u, kind: wire.k as LiveKind, notificationIds: wire.n.filter((id): id is string => typeof id === "string") };
  } catch {
    return null;
  }
}
