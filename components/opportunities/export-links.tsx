import { hrefWith, secondaryLinkClass } from "@/components/ui/list-ui";

type ExportFilters = {
  stage?: string;
  assigned_to?: string;
  client_id?: string;
  overdue?: string;
  q?: string;
  forecast_category?: string;
  close_from?: string;
  close_to?: string;
  sort?: string;
};

/** Downloads of the deals shown (every page, the same filters and order) as CSV or XLSX; from tablets up (phones keep the first card in view). */
export function ExportLinks({ filters }: { filters: ExportFilters }) {
  return (
    <div className="hidden gap-2 sm:flex" role="group" aria-label="Export these deals">
      {(["csv", "xlsx"] as const).map((format) => (
        <a key={format} href={hrefWith("/api/v1/opportunities/export", { ...filters, format })} download className={secondaryLinkClass}>
          Export {format.toUpperCase()}
        </a>
      ))}
    </div>
  );
}
