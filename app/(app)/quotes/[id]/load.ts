import { cache } from "react";
import { getQuote } from "@/lib/quotes";
import { loadRecord } from "../../load-record";

/** The quote of an `[id]` page (404 when missing, deleted, or another rep's), once per request. */
export const loadQuote = cache((id: string) => loadRecord(id, getQuote));
