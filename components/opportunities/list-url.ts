import { hrefWith } from "@/components/ui/list-ui";
import { listQueryFrom } from "@/lib/http";
import { listOpportunitiesQuery, type ListOpportunitiesQuery } from "@/lib/opportunities";
import { ownerParam } from "./url-filters";

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

export function listQueryFromUrl(params: Record<string, string>, manager: boolean): ListOpportunitiesQuery {
  const input: Record<string, string | undefined> = {
    stage: params.stage,
    assigned_to: ownerParam(params, manager),
    client_id: params.client ?? params.client_id,
    overdue: params.overdue,
    q: params.q,
    sort: params.sort,
    page: params.page,
    page_size: params.page_size,
  };
  const present = Object.entries(input).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "");
  return listQueryFrom(listOpportunitiesQuery, Object.fromEntries(present));
}

/** The URL state of a parsed query (defaults left out, so links stay short). */
export function urlStateOf(query: ListOpportunitiesQuery): ListUrlState {
  return {
    stage: query.stage,
    owner: query.assigned_to,
    client: query.client_id,
    overdue: query.overdue === undefined ? undefined : String(query.overdue),
    q: query.q || undefined,
    sort: query.sort === "-created_at" ? undefined : query.sort,
    page_size: query.page_size === 20 ? undefined : String(query.page_size),
  };
}

export function listHref(state: ListUrlState, page?: number): string {
  return hrefWith("/opportunities", { ...state, page: page && page > 1 ? String(page) : undefined });
}
