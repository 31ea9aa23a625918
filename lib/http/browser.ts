/** What the browser may use of this module (pure rules, schemas, types): nothing here reaches the database. */
export { initialActionResult, type ActionResult } from "./action-result";
export { pageSchema } from "./pagination";
export { paginationQuery, queryDay, queryInt } from "./query";
