import { STAGES } from "@/lib/opportunities";

export default function PipelineLoading() {
  return (
    <div className="space-y-5" aria-busy="true">
      <p className="sr-only" role="status">
        Loading the pipeline…
      </p>
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      <div className="h-10 w-full max-w-xl animate-pulse rounded bg-slate-200" />
      <div className="-mx-4 flex gap-3 overflow-hidden px-4 lg:mx-0 lg:px-0">
        {STAGES.map((stage) => (
          <div
            key={stage}
            className="w-[82vw] max-w-[19rem] shrink-0 space-y-2 rounded-xl bg-slate-100 p-3 sm:w-72 lg:w-auto lg:max-w-none lg:flex-1"
          >
            <div className="h-4 w-24 animate-pulse rounded bg-slate-200" />
            <div className="h-3 w-32 animate-pulse rounded bg-slate-200" />
            {[0, 1, 2].map((i) => (
              <div key={i} className="h-24 animate-pulse rounded-lg bg-white" />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
