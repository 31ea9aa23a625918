/** What client components may use: the pure time rules. */
export { formatClockTime, isTimeZone, parseClockTime, DIGEST_MINUTE } from "./rules";
