/** What the browser may use of the users module. */
export * from "./rules";
export * from "./schemas";
