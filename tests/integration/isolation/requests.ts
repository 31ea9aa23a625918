import { createECDH, randomBytes, randomUUID } from "node:crypto";
import { expect } from "vitest";
import { signUnsubscribeToken } from "@/lib/email/unsubscribe-token";
import { patch, post } from "../../helpers/api";
import { FIXTURE_PASSWORD } from "../../helpers/fixtures";
import { multipartText, upload } from "../../helpers/imports";
import { dateIn, type RoleName, type World } from "./world";

/** One valid request of an operation: its path parameters, query, body and headers. */
export type ApiRequest = {
  params?: Record<string, string>;
  /** Pairs repeat a parameter. */
  query?: Record<string, string> | Array<[string, string]>;
  body?: unknown;
  /** A body that is a file's text rather than JSON. */
  rawBody?: string;
  headers?: Record<string, string>;
};

export type RequestFixture = {
  /** Who sends the valid request: the rep of tenant A unless the operation needs another role; none for public routes. */
  as?: RoleName;
  /** Only the owner of the row may reach it, whatever their role (notifications are a user's own). */
  perUser?: boolean;
  /** The body field naming the owner, which a rep may only set to themselves (others: 403). */
  ownerField?: string;
  /** The success status when it is not the operation's `successStatus` (a redirect). */
  status?: number;
  /** Builds the request against tenant A; may create the row it uses up (delete, close). */
  build(world: World): Promise<ApiRequest> | ApiRequest;
};

/** A fresh dry run of tenant A's rep: one valid deal for an existing client. */
async function importOf(w: World): Promise<string> {
  const csv = `name,client,estimated_value,expected_close_date\nImported,Client of A,10.00,${dateIn(20)}\n`;
  const response = await upload(csv, { token: w.a.rep.token, createClients: true });
  if (response.status !== 201) throw new Error(`import fixture: ${response.status} ${response.text}`);
  return response.body.id;
}

/** A fresh calendar feed token of tenant A's rep (the feed URL is its only credential). */
async function calendarFeedTokenOf(w: World): Promise<string> {
  const response = await post("calendar/feed", undefined, { token: w.a.rep.token });
  if (response.status !== 201) throw new Error(`calendar feed fixture: ${response.status} ${response.text}`);
  return response.body.token;
}

/** A browser's subscription JSON (a valid P-256 point and auth secret) for `endpoint`. */
function pushSubscriptionOf(endpoint: string) {
  const p256dh = createECDH("prime256v1");
  p256dh.generateKeys();
  return { endpoint, keys: { p256dh: p256dh.getPublicKey().toString("base64url"), auth: randomBytes(16).toString("base64url") } };
}

/** A fresh subscribed browser of tenant A's rep: its endpoint names it. */
async function pushEndpointOf(w: World): Promise<string> {
  const response = await post("push-subscriptions", pushSubscriptionOf(`https://push.example.com/send/${unique()}`), {
    token: w.a.rep.token,
  });
  if (response.status !== 201) throw new Error(`push subscription fixture: ${response.status} ${response.text}`);
  return response.body.endpoint;
}

let ipCounter = 0;
/** Each public request comes from its own address, so the per-IP rate limits never answer for the input. */
export function freshIp(): string {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

const unique = () => randomUUID().slice(0, 8);
const id = (value: string) => ({ id: value });

/**
 * A valid request for every operation of lib/openapi/registry.ts, keyed by operation id. The isolation matrix
 * and the fuzzing both start from these; an operation without an entry fails the matrix.
 */
export const requestFixtures: Record<string, RequestFixture> = {
  register: {
    status: 201,
    build: () => ({
      body: {
        company_name: `Fuzz Co ${unique()}`,
        name: "Fuzz Admin",
        email: `fuzz-${unique()}@test.onquota`,
        password: "correct horse battery",
      },
      headers: { "x-forwarded-for": freshIp() },
    }),
  },
  createToken: {
    build: (w) => ({ body: { email: w.a.rep.email, password: FIXTURE_PASSWORD }, headers: { "x-forwarded-for": freshIp() } }),
  },
  getMe: { build: () => ({}) },
  updateMe: { build: () => ({ body: { timezone: "Europe/Berlin", quiet_hours: { start: "22:00", end: "07:00" } } }) },
  listUsers: { build: () => ({}) },
  createUser: {
    as: "admin",
    build: () => ({ body: { name: "New Rep", email: `new-${unique()}@test.onquota`, role: "SALES_REP", password: "a long password" } }),
  },
  updateUser: { as: "admin", build: async (w) => ({ params: id(await w.fresh.user()), body: { name: "Renamed Rep" } }) },

  createOpportunity: {
    ownerField: "assigned_to",
    build: (w) => ({ body: { name: "New deal", client_id: w.a.clientId, estimated_value: "1200.50", expected_close_date: dateIn(20) } }),
  },
  listOpportunities: { build: () => ({ query: { page: "1", sort: "-created_at" } }) },
  getOpportunity: { build: (w) => ({ params: id(w.a.opportunityId) }) },
  updateOpportunity: {
    ownerField: "assigned_to",
    build: async (w) => {
      const opp = await w.fresh.opportunity();
      return { params: id(opp.id), body: { name: "Renamed deal" }, headers: { "if-match": `"${opp.version}"` } };
    },
  },
  changeOpportunityStage: {
    build: async (w) => {
      const opp = await w.fresh.opportunity();
      return { params: id(opp.id), body: { stage: "QUALIFIED" }, headers: { "if-match": `"${opp.version}"` } };
    },
  },
  reopenOpportunity: {
    build: async (w) => {
      const opp = await w.fresh.opportunity();
      const closed = await patch(`/opportunities/${opp.id}/stage`, { stage: "CLOSED_WON" }, { token: w.a.rep.token });
      expect(closed.status, closed.text).toBe(200);
      return {
        params: id(opp.id),
        body: { stage: "NEGOTIATION", reason: "Closed by mistake" },
        headers: { "if-match": `"${closed.body.version}"` },
      };
    },
  },
  deleteOpportunity: {
    as: "admin",
    build: async (w) => {
      const opp = await w.fresh.opportunity();
      return { params: id(opp.id), headers: { "if-match": `"${opp.version}"` } };
    },
  },
  getPipelineSummary: { build: () => ({ query: {} }) },
  getPipelineBoard: { build: () => ({ query: { limit: "10" } }) },
  getOpportunityHistory: { build: (w) => ({ params: id(w.a.opportunityId) }) },
  exportOpportunities: { build: () => ({ query: {} }) },
  bulkUpdateOpportunities: {
    build: async (w) => ({ body: { action: "move_stage", ids: [(await w.fresh.opportunity()).id], stage: "QUALIFIED" } }),
  },

  createImport: {
    status: 201,
    build: () => {
      const csv = `name,client,estimated_value,expected_close_date\nImported,Imported client,10.00,${dateIn(20)}\n`;
      const { body, contentType } = multipartText({ entity: "opportunities", create_clients: "true" }, { name: "deals.csv", text: csv });
      return { rawBody: body, headers: { "content-type": contentType } };
    },
  },
  getImport: { build: async (w) => ({ params: id(await importOf(w)) }) },
  commitImport: { build: async (w) => ({ params: id(await importOf(w)) }) },

  listClients: { build: () => ({ query: { page: "1" } }) },
  createClient: { build: () => ({ body: { name: "New client", email: "buyer@client.test" } }) },
  getClient: { build: (w) => ({ params: id(w.a.clientId) }) },
  updateClient: { build: (w) => ({ params: id(w.a.clientId), body: { phone: "+1 555 0100" } }) },
  deleteClient: { as: "supervisor", build: async (w) => ({ params: id(await w.fresh.client()) }) },

  listQuotes: { build: () => ({ query: { page: "1" } }) },
  createQuote: {
    ownerField: "sales_rep_id",
    build: (w) => ({ body: { client_id: w.a.clientId, quote_number: `Q-${unique()}`, total_amount: "99.90", valid_until: dateIn(15) } }),
  },
  getQuote: { build: (w) => ({ params: id(w.a.quoteId) }) },
  updateQuote: { ownerField: "sales_rep_id", build: (w) => ({ params: id(w.a.quoteId), body: { status: "SENT" } }) },
  deleteQuote: { build: async (w) => ({ params: id(await w.fresh.quote()) }) },

  listVehicles: { build: () => ({ query: { page: "1" } }) },
  createVehicle: { build: () => ({ body: { name: "Truck", plate_number: unique(), next_maintenance_date: dateIn(40) } }) },
  getVehicle: { build: (w) => ({ params: id(w.a.vehicleId) }) },
  updateVehicle: { build: (w) => ({ params: id(w.a.vehicleId), body: { name: "Van 2" } }) },
  deleteVehicle: { as: "supervisor", build: async (w) => ({ params: id(await w.fresh.vehicle()) }) },

  getPipelineStages: { build: () => ({}) },
  putPipelineStages: { as: "admin", build: () => ({ body: { stages: [{ stage: "PROPOSAL", stale_after_days: 21 }] } }) },

  listActivities: { build: () => ({ query: { page: "1" } }) },
  createActivity: {
    ownerField: "assigned_to",
    build: (w) => ({
      body: { type: "TASK", subject: "Send the proposal", opportunity_id: w.a.opportunityId, due_at: `${dateIn(2)}T10:00:00Z` },
    }),
  },
  getActivity: { build: (w) => ({ params: id(w.a.activityId) }) },
  updateActivity: { ownerField: "assigned_to", build: (w) => ({ params: id(w.a.activityId), body: { subject: "Call back soon" } }) },
  deleteActivity: { build: async (w) => ({ params: id(await w.fresh.activity()) }) },
  completeActivity: { build: async (w) => ({ params: id(await w.fresh.activity()) }) },

  listNotifications: { build: () => ({ query: { page: "1" } }) },
  createNotifications: {
    as: "supervisor",
    build: (w) => ({
      body: { user_ids: [w.a.rep.userId], title: "Heads up", message: "Review your deals", type: "INFO", category: "GENERAL" },
    }),
  },
  getUnreadNotificationCount: { build: () => ({}) },
  getNotification: { perUser: true, build: (w) => ({ params: id(w.a.notificationId) }) },
  markNotificationRead: { perUser: true, build: (w) => ({ params: id(w.a.notificationId) }) },
  markAllNotificationsRead: { build: () => ({}) },
  updateNotification: { perUser: true, build: (w) => ({ params: id(w.a.notificationId), body: { read: false } }) },
  bulkUpdateNotifications: {
    perUser: true,
    build: async (w) => ({ body: { ids: [w.a.notificationId, await w.fresh.notification()], action: "unread" } }),
  },
  deleteNotification: { perUser: true, build: async (w) => ({ params: id(await w.fresh.notification()) }) },
  streamNotifications: { build: () => ({}) },
  streamPipelineBoardEvents: { build: () => ({}) },

  unsubscribeEmail: { build: (w) => ({ query: { token: signUnsubscribeToken({ userId: w.a.rep.userId, category: "QUOTE" }) } }) },
  openUnsubscribeLink: {
    build: (w) => ({ query: { token: signUnsubscribeToken({ userId: w.a.rep.userId, category: "QUOTE" }) } }),
  },
  getEmailPreferences: { build: () => ({}) },
  updateEmailPreferences: { build: () => ({ body: { preferences: [{ category: "QUOTE", enabled: false }] } }) },
  getNotificationPreferences: { build: () => ({}) },
  updateNotificationPreferences: { build: () => ({ body: { preferences: [{ category: "QUOTE", email: "DAILY_DIGEST", push: false }] } }) },
  getTenant: { build: () => ({}) },
  updateTenant: { as: "admin", build: () => ({ body: { name: `Renamed Co ${unique()}` } }) },
  getExchangeRates: { build: () => ({}) },
  putExchangeRates: {
    as: "admin",
    build: () => ({ body: { rates: [{ currency: "EUR", rate: "1.085", effective_from: dateIn(0) }] } }),
  },
  importExchangeRates: {
    as: "admin",
    build: () => ({ rawBody: `currency,rate,effective_from\nGBP,1.27,${dateIn(0)}\n`, headers: { "content-type": "text/csv" } }),
  },
  getOpenApiDocument: { build: () => ({}) },

  getOpportunityChanges: { build: (w) => ({ params: id(w.a.opportunityId) }) },
  getAnalyticsFunnel: { build: () => ({ query: { from: dateIn(-30), to: dateIn(0) } }) },
  getAnalyticsWinLoss: { build: () => ({ query: { from: dateIn(-30), to: dateIn(0), group_by: "rep" } }) },
  getAnalyticsVelocity: { build: () => ({ query: { from: dateIn(-30), to: dateIn(0) } }) },
  getAnalyticsWaterfall: { build: () => ({ query: { from: dateIn(-30), to: dateIn(30) } }) },
  listLossReasons: { build: () => ({}) },
  createLossReason: { as: "admin", build: () => ({ body: { label: `Reason ${unique()}` } }) },
  updateLossReason: { as: "admin", build: (w) => ({ params: id(w.a.lossReasonId), body: { label: `Renamed ${unique()}` } }) },
  deleteLossReason: { as: "admin", build: async (w) => ({ params: id(await w.fresh.lossReason()) }) },
  getTargets: { build: () => ({ query: { from: dateIn(-31).slice(0, 7), to: dateIn(62).slice(0, 7) } }) },
  putTargets: {
    as: "admin",
    build: (w) => ({ body: { targets: [{ user_id: w.a.rep.userId, month: dateIn(0).slice(0, 7), amount: "1000.00" }] } }),
  },
  getAnalyticsForecast: { build: () => ({ query: { from: dateIn(0).slice(0, 7), periods: "3" } }) },
  listWebhooks: { as: "admin", build: () => ({}) },
  createWebhook: { as: "admin", build: () => ({ body: { url: "https://hooks.example.com/onquota", events: ["opportunity.won"] } }) },
  getWebhook: { as: "admin", build: (w) => ({ params: id(w.a.webhookId) }) },
  updateWebhook: {
    as: "admin",
    build: (w) => ({ params: id(w.a.webhookId), body: { url: "https://hooks.example.com/renamed", events: ["opportunity.lost"] } }),
  },
  deleteWebhook: { as: "admin", build: async (w) => ({ params: id(await w.fresh.webhook()) }) },
  listWebhookDeliveries: { as: "admin", build: (w) => ({ params: id(w.a.webhookId), query: { page: "1" } }) },
  testWebhook: { as: "admin", build: (w) => ({ params: id(w.a.webhookId) }) },
  getCalendarFeed: { build: () => ({}) },
  createCalendarFeed: { build: () => ({}) },
  revokeCalendarFeed: { build: () => ({}) },
  getCalendarFile: { build: async (w) => ({ params: { token: await calendarFeedTokenOf(w) } }) },
  getPushPublicKey: { build: () => ({}) },
  createPushSubscription: { build: () => ({ body: pushSubscriptionOf(`https://push.example.com/send/${unique()}`) }) },
  deletePushSubscription: { perUser: true, build: async (w) => ({ body: { endpoint: await pushEndpointOf(w) } }) },
};
