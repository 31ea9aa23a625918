/** What the edges and the other modules use of this module. */
export { actionFailure, actionSuccess, answering, formValues, initialActionResult, type ActionResult } from "./action-result";
export { apiRoute, publicApiRoute } from "./api-route";
export { bodyLimitFor } from "./body-limits";
export { etag, expectedVersion } from "./if-match";
export { defineOperation, type Operation } from "./operation";
export { pageOf, pageSchema, skipTake, type Page } from "./pagination";
export { parseInput } from "./parse-input";
export { problemResponse, type Problem } from "./problem";
export { paginationQuery, queryBoolean, queryDay, queryInt, type PageRequest } from "./query";
export { firstValues, listQueryFrom, pageSizeParam, type SearchParams } from "./search-params";
