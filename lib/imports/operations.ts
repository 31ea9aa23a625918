import { defineOperation } from "@/lib/http";
import { importIdParams, importOut, importUploadForm } from "./schemas";

const tags = ["Imports"];

export const createImportOperation = defineOperation({
  id: "createImport",
  method: "POST",
  path: "/imports",
  summary: "Upload a CSV or XLSX file of opportunities or clients: a dry run that checks every row and writes nothing",
  description:
    "Headers are matched to fields case-insensitively (or as `mapping` says); every row is checked with the rules of the " +
    "API's create routes, and the answer lists the errors by row and column. Nothing is written until the import is " +
    "committed. Up to 50,000 rows and 20 MiB; a file that is not UTF-8 CSV or XLSX is refused (422). Reps import " +
    "deals for themselves only.",
  tags,
  multipart: importUploadForm,
  response: importOut,
  successStatus: 201,
});

export const getImportOperation = defineOperation({
  id: "getImport",
  method: "GET",
  path: "/imports/{id}",
  summary: "An import's status, dry-run report and commit progress",
  tags,
  ownerScoped: true,
  params: importIdParams,
  response: importOut,
});

export const commitImportOperation = defineOperation({
  id: "commitImport",
  method: "POST",
  path: "/imports/{id}/commit",
  summary: "Write every valid row of a checked import in one transaction, or nothing",
  description:
    "The rows are checked again (an owner may have left, a rate changed); any failure writes nothing and leaves the import " +
    "FAILED with the reason. Each deal gets its stage-history entry as when created through the API. 409 when the import " +
    "is not READY or has no valid row.",
  tags,
  ownerScoped: true,
  params: importIdParams,
  response: importOut,
  errors: [409],
});

export const importOperations = [createImportOperation, getImportOperation, commitImportOperation];
