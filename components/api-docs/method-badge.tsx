import type { HttpMethod } from "./model";

const COLORS: Record<HttpMethod, string> = {
  GET: "bg-emerald-100 text-emerald-800 ring-emerald-200",
  POST: "bg-blue-100 text-blue-800 ring-blue-200",
  PUT: "bg-amber-100 text-amber-900 ring-amber-200",
  PATCH: "bg-violet-100 text-violet-800 ring-violet-200",
  DELETE: "bg-red-100 text-red-800 ring-red-200",
};

export function MethodBadge({ method, size = "md" }: { method: HttpMethod; size?: "sm" | "md" }) {
  const sizing = size === "sm" ? "w-12 text-[0.65rem]" : "w-16 text-xs";
  return (
    <span
      className={`inline-flex shrink-0 justify-center rounded py-0.5 font-mono font-bold ring-1 ring-inset ${sizing} ${COLORS[method]}`}
    >
      {method}
    </span>
  );
}

/** The path with its {parameters} highlighted. */
export function PathText({ path, className = "" }: { path: string; className?: string }) {
  return (
    <span className={`font-mono break-all ${className}`}>
      {path.split(/(\{[^}]+\})/g).map((part, i) =>
        part.startsWith("{") ? (
          <span key={i} className="text-brand-700">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </span>
  );
}
