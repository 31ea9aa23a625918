import { apiRoute } from "@/lib/http";
import { commitImport, commitImportOperation } from "@/lib/imports";

export const POST = apiRoute(commitImportOperation, ({ scope, params }) => commitImport(scope, params.id));
