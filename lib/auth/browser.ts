/** What the browser may use of this module (pure rules, schemas, types): nothing here reaches the database. */
export { TOKEN_LIFETIMES } from "./personal-token-schemas";
export { REQUESTED_PATH_HEADER, safeNextPath } from "./return-to";
