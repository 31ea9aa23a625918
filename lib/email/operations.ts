import { defineOperation } from "@/lib/http";
import { emailPreferencesOut, unsubscribeOut, unsubscribeQuery, updateEmailPreferencesBody } from "./schemas";

export const unsubscribeOneClickOperation = defineOperation({
  id: "unsubscribeEmail",
  method: "POST",
  path: "/email/unsubscribe",
  summary: "Turn off one category of email from an unsubscribe link (one-click, RFC 8058)",
  description:
    "The URL of an email's `List-Unsubscribe` header. Needs no login: the signed token names the user and the category. " +
    "Any body (`List-Unsubscribe=One-Click`) is ignored. Idempotent. A tampered or malformed token answers 404 and changes nothing.",
  tags: ["Email"],
  auth: "public",
  query: unsubscribeQuery,
  response: unsubscribeOut,
  errors: [404],
});

export const openUnsubscribeLinkOperation = defineOperation({
  id: "openUnsubscribeLink",
  method: "GET",
  path: "/email/unsubscribe",
  summary: "Open an unsubscribe link in a browser",
  description: "Redirects (303) to the confirmation page `/unsubscribe?token=…`, whose button turns the category off.",
  tags: ["Email"],
  auth: "public",
  query: unsubscribeQuery,
  successStatus: 303,
});

export const getEmailPreferencesOperation = defineOperation({
  id: "getEmailPreferences",
  method: "GET",
  path: "/email/preferences",
  summary: "Which categories of notification you get by email (every category is on unless turned off)",
  tags: ["Email"],
  response: emailPreferencesOut,
});

export const updateEmailPreferencesOperation = defineOperation({
  id: "updateEmailPreferences",
  method: "PUT",
  path: "/email/preferences",
  summary: "Turn email on or off for the categories named; in-app notifications are always kept",
  tags: ["Email"],
  body: updateEmailPreferencesBody,
  response: emailPreferencesOut,
});

export const emailOperations = [
  unsubscribeOneClickOperation,
  openUnsubscribeLinkOperation,
  getEmailPreferencesOperation,
  updateEmailPreferencesOperation,
];
