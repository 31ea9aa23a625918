/** What the edges and the other modules use of this module. */
export { RateLimitedSignin } from "./authjs";
export { resolveCaller } from "./caller";
export { currentUser, requirePageScope } from "./page-scope";
export { hashPassword } from "./password";
export { HOME_PATH, REQUESTED_PATH_HEADER, safeNextPath } from "./return-to";
export { TOKEN_LIFETIMES, createPersonalTokenInput } from "./personal-token-schemas";

export { authSecret } from "./secret";
export { authenticate } from "./service";
export {
  ACCESS_TOKEN_TTL_SECONDS,
  issueAccessToken,
  issueToken,
  listPersonalTokens,
  revokeAllTokensOfUser,
  revokePersonalToken,
  scopeFromBearer,
} from "./tokens";
export { auth, handlers, signIn, signOut } from "./authjs";
