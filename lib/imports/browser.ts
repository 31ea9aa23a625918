/** What client components may use of imports: the answer's shape. */
export { IMPORT_ENTITIES, type ImportOut } from "./schemas";
