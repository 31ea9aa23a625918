import { apiRoute } from "@/lib/http";
import { getImport, getImportOperation } from "@/lib/imports";

export const GET = apiRoute(getImportOperation, ({ scope, params }) => getImport(scope, params.id));
