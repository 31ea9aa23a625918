/** Over a sign-in limit, the login answer's values carry this: the seconds to wait, the figure the API sends in Retry-After. */
export const RETRY_AFTER_FIELD = "retry_after_seconds";
