/**
 * Whether this process is shutting down. Kept on globalThis: the server sets it outside Next's bundle and the
 * readiness route reads it inside.
 */
const globalForLifecycle = globalThis as unknown as { onquotaDraining?: boolean };

export function markDraining(): void {
  globalForLifecycle.onquotaDraining = true;
}

export function isDraining(): boolean {
  return globalForLifecycle.onquotaDraining === true;
}
