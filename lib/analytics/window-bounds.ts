/** The instants that bound a window of whole UTC days: the start of `from` and the end of `to` (exclusive). */
export function windowBounds(from: string, to: string): { start: Date; end: Date } {
  const start = new Date(`${from}T00:00:00.000Z`);
  const end = new Date(new Date(`${to}T00:00:00.000Z`).getTime() + 86_400_000);
  return { start, end };
}
