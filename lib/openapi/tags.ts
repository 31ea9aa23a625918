/** What each tag of the document groups; an operation whose tag is not described here fails the document's build. */
export const TAG_DESCRIPTIONS: Record<string, string> = {
  Auth: "Create a company, get a bearer token, and read who you are.",
  Users: "The people of your company and their roles (admins add and change them).",
  Opportunities: "Deals through the pipeline: create, edit, move between stages, close, and the board and summary views.",
  Clients: "The companies your deals and quotes are for.",
  Quotes: "Quotes sent to clients, with their amounts and validity.",
  Vehicles: "The company's vehicles and their maintenance dates.",
  Notifications: "In-app notifications: the list, unread count, read state and the live event stream.",
  Email: "Which notifications also arrive by email, and the unsubscribe links in those emails.",
  Company: "Your company (tenant): its name and base currency.",
  "Exchange rates": "Rates into the company's base currency, entered or imported from a file.",
  Pipeline:
    "How the company's pipeline behaves per open stage: default probability, forecast category and when an untouched deal goes stale.",
  Activities: "Calls, meetings, emails, tasks and notes on deals and clients: plan the next step, log what happened, complete it.",
  Imports:
    "Bring a spreadsheet in: upload a CSV or XLSX of opportunities or clients, read its dry run (errors by row and column), then commit it in one transaction.",
  Analytics:
    "Reports for managers (and each rep for themselves): funnel, win/loss, velocity, the pipeline waterfall and the forecast, in the base currency, from the change log.",
  "Loss reasons": "Why deals are lost: the company's list (admins manage it), offered when closing a deal as lost.",
  Forecast: "Monthly sales targets per user in the base currency (managers set them), read by the forecast (GET /analytics/forecast).",
  Webhooks:
    "Admins subscribe URLs to deal, activity and notification events; each delivery is signed per the Standard Webhooks spec (webhook-id, webhook-timestamp, webhook-signature), retried with backoff and logged try by try.",
  Calendar:
    "Your secret calendar feed (iCalendar): subscribe to your open activities and your deals' expected close dates from Google Calendar, Outlook or Apple Calendar.",
  Push: "Desktop notifications (Web Push): a browser subscribes with the server's VAPID public key and registers its subscription; each new notification is then pushed to it (encrypted, RFC 8291), after the user's quiet hours unless critical, unless push is off for its category.",
  Reference: "This document itself.",
};
