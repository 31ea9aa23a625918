/** The locale every amount and date is shown in (UI, emails, notifications) until users choose their own. */
export const APP_LOCALE = "en-US";
