/** What the edges and the other modules use of this module. */
export { openApiDocument } from "./document";
