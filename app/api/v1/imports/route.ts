import { apiRoute } from "@/lib/http";
import { createImport, createImportOperation } from "@/lib/imports";

export const POST = apiRoute(createImportOperation, ({ scope, request }) => createImport(scope, request));
