import { hrefWith } from "@/components/ui/list-ui";

/**
 * The opportunities list's URL uses the board's names (`owner`, `client`) for the API's `assigned_to` and
 * `client_id`; everything else (stage, overdue, q, sort, page, page_size) is the API's own parameter.
 */
export type ListUrlState = {
  stage?: string;
  owner?: string;
  client?: string;
  overdue?: string;
  q?: string;
  sort?: string;
  page_size?: string;
};

export function listHref(state: ListUrlState, page?: number): string {
  return hrefWith("/opportunities", { ...state, page: page && page > 1 ? String(page) : undefined });
}
