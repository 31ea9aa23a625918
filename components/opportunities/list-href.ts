import { hrefWith } from "@/components/ui/list-ui";

/**
 * The opportunities list's URL uses the board's names (`owner`, `client`) for the API's `assigned_to` and
 * `client_id`; everything else (stage, overdue, q, forecast_category, close_from, close_to, sort, page, page_size) is the API's own parameter.
 */
export type ListUrlState = {
  stage?: string;
  owner?: string;
  client?: string;
  overdue?: string;
  q?: string;
  forecast_category?: string;
  close_from?: string;
  close_to?: string;
  sort?: string;
  page_size?: string;
};

export function listHref(state: ListUrlState, page?: number): string {
  return hrefWith("/opportunities", { ...state, page: page && page > 1 ? String(page) : undefined });
}
