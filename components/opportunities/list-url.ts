import { listQueryFrom } from "@/lib/http";
import { listOpportunitiesQuery, type ListOpportunitiesQuery } from "@/lib/opportunities";
import type { ListUrlState } from "./list-href";
import { ownerParam } from "./url-filters";

export { listHref, type ListUrlState } from "./list-href";

export function listQueryFromUrl(params: Record<string, string>, manager: boolean): ListOpportunitiesQuery {
  const input: Record<string, string | undefined> = {
    stage: params.stage,
    assigned_to: ownerParam(params, manager),
    client_id: params.client ?? params.client_id,
    overdue: params.overdue,
    q: params.q,
    forecast_category: params.forecast_category,
    close_from: params.close_from,
    close_to: params.close_to,
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
    forecast_category: query.forecast_category,
    close_from: query.close_from,
    close_to: query.close_to,
    sort: query.sort === "-created_at" ? undefined : query.sort,
    page_size: query.page_size === 20 ? undefined : String(query.page_size),
  };
}
