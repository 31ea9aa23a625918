import { cache } from "react";
import { getClient } from "@/lib/clients";
import { loadRecord } from "../../load-record";

/** The client of an `[id]` page (404 when missing or deleted), once per request. */
export const loadClient = cache((id: string) => loadRecord(id, getClient));
