import { defineOperation } from "@/lib/http";
import { pushPublicKeyOut, pushSubscriptionBody, pushSubscriptionOut, pushUnsubscribeBody, pushUnsubscribeQuery } from "./schemas";

const tags = ["Push"];

export const getPushPublicKeyOperation = defineOperation({
  id: "getPushPublicKey",
  method: "GET",
  path: "/push/public-key",
  summary: "The VAPID public key a browser subscribes with; 404 when web push is not set up on this server",
  tags,
  response: pushPublicKeyOut,
  errors: [404],
});

export const createPushSubscriptionOperation = defineOperation({
  id: "createPushSubscription",
  method: "POST",
  path: "/push-subscriptions",
  summary: "Receive desktop notifications in this browser: saves its push subscription (the same endpoint again updates its keys)",
  tags,
  body: pushSubscriptionBody,
  response: pushSubscriptionOut,
  successStatus: 201,
  errors: [404],
});

export const deletePushSubscriptionOperation = defineOperation({
  id: "deletePushSubscription",
  method: "DELETE",
  path: "/push-subscriptions",
  summary: "Stop desktop notifications in a browser of yours, named by its endpoint (body or query); 404 when it is not yours",
  tags,
  query: pushUnsubscribeQuery,
  body: pushUnsubscribeBody,
  successStatus: 204,
  errors: [404],
});

export const pushOperations = [getPushPublicKeyOperation, createPushSubscriptionOperation, deletePushSubscriptionOperation];
