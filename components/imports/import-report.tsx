import type { ImportOut } from "@/lib/imports/browser";

/** The dry run's counts and its errors by row and column; while committing, the progress bar; then what was written. */
export function ImportReport({ dryRun, noun }: { dryRun: ImportOut; noun: string }) {
  const committing = dryRun.status === "COMMITTING";
  const percent = dryRun.valid_rows === 0 ? 0 : Math.round((dryRun.processed_rows / dryRun.valid_rows) * 100);
  return (
    <section aria-labelledby="report-title" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="report-title" className="text-base font-semibold">
        {dryRun.status === "COMMITTED" ? "Imported" : "Check"} — {dryRun.file_name}
      </h2>
      <p className="text-sm text-slate-700" data-testid="import-summary">
        {dryRun.status === "COMMITTED"
          ? `${dryRun.committed_count} ${noun}${dryRun.committed_count === 1 ? "" : "s"} imported.`
          : `${dryRun.total_rows} rows: ${dryRun.valid_rows} ready to import, ${dryRun.error_count} ${dryRun.error_count === 1 ? "error" : "errors"}.`}
      </p>
      {committing || dryRun.status === "COMMITTED" ? (
        <div
          role="progressbar"
          aria-label="Import progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={dryRun.status === "COMMITTED" ? 100 : percent}
          className="h-2 w-full overflow-hidden rounded-full bg-slate-100"
        >
          <div className="h-full bg-brand-600 transition-[width]" style={{ width: `${dryRun.status === "COMMITTED" ? 100 : percent}%` }} />
        </div>
      ) : null}
      {dryRun.status === "FAILED" && dryRun.failure ? <p className="text-sm text-red-700">{dryRun.failure}</p> : null}
      {dryRun.errors.length > 0 && dryRun.status !== "COMMITTED" ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Errors by row and column (rows with errors are not imported)</caption>
            <thead className="text-xs text-slate-500 uppercase">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  Row
                </th>
                <th scope="col" className="py-1 pr-3">
                  Column
                </th>
                <th scope="col" className="py-1">
                  Problem
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {dryRun.errors.map((error, i) => (
                <tr key={i}>
                  <td className="py-1 pr-3 tabular-nums">{error.row}</td>
                  <td className="py-1 pr-3">{error.column ?? `${error.field} (no column)`}</td>
                  <td className="py-1 break-words">{error.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {dryRun.error_count > dryRun.errors.length ? (
            <p className="mt-2 text-xs text-slate-500">The first {dryRun.errors.length} errors are shown.</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
