export { addressUnit, clientIp } from "./address";
export { loginAddressKey, loginPairKey, registerAddressKey } from "./keys";
export {
  limitRegistration,
  limitSignIn,
  pruneRateLimits,
  LOGIN_PER_ADDRESS,
  LOGIN_PER_ADDRESS_AND_ACCOUNT,
  REGISTER_PER_ADDRESS,
} from "./limits";
