const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const LOCAL_NAME = /(^|\.)(localhost|local|internal|localdomain)$/i;

/**
 * Why a push endpoint is refused, or null. The server posts to it, so it must be an https URL naming a host by its
 * DNS name: not an IP address, not this machine, not a local-network name (unless `allowLocal`, for tests).
 */
export function pushEndpointProblem(value: string, allowLocal: boolean): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "must be the URL of a push service";
  }
  if (url.protocol !== "https:") return "must be an https URL";
  if (url.username || url.password) return "must not carry credentials";
  const host = url.hostname;
  if (!allowLocal && (IPV4.test(host) || host.startsWith("[") || !host.includes(".") || LOCAL_NAME.test(host)))
    return "must name a push service by its public host name";
  return null;
}
