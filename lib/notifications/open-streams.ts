/**
 * The open notification streams of this process, so that a shutdown can end them all (their clients reconnect,
 * to another instance). Kept on globalThis: the server's shutdown code is loaded outside Next's bundle.
 */
type Registry = { open: Set<() => void>; ending: boolean };

const globalForStreams = globalThis as unknown as { onquotaOpenStreams?: Registry };
const registry = (globalForStreams.onquotaOpenStreams ??= { open: new Set(), ending: false });

/** Registers an open stream's `end`; returns what to call when the stream ends by itself. Once shutting down, ends it at once. */
export function trackStream(end: () => void): () => void {
  if (registry.ending) {
    queueMicrotask(end);
    return () => undefined;
  }
  registry.open.add(end);
  return () => void registry.open.delete(end);
}

/** Ends every open stream, and every stream opened from now on. */
export function endAllStreams(): void {
  registry.ending = true;
  for (const end of [...registry.open]) end();
}
