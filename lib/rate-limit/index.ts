export { clientIp } from "./client-ip";
export { limitRegistration, limitSignIn, pruneRateLimits, LOGIN_PER_ACCOUNT, LOGIN_PER_IP, REGISTER_PER_IP } from "./limits";
