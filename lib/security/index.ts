/** What the edges and the other modules use of this module. */
export { newNonce, pageContentSecurityPolicy } from "./csp";
export { isSameOriginWrite } from "./same-origin";
