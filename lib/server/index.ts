/** What the edges and the other modules use of this module. */
export { isDraining } from "./lifecycle";
