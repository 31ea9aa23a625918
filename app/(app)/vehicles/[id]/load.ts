import { cache } from "react";
import { getVehicle } from "@/lib/vehicles";
import { loadRecord } from "../../load-record";

/** The vehicle of an `[id]` page (404 when missing or deleted), once per request. */
export const loadVehicle = cache((id: string) => loadRecord(id, getVehicle));
