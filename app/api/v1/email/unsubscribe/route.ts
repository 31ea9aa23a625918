import { openUnsubscribeLinkOperation, unsubscribe, unsubscribeOneClickOperation } from "@/lib/email";
import { publicApiRoute } from "@/lib/http";

export const POST = publicApiRoute(unsubscribeOneClickOperation, async ({ query }) => unsubscribe(query.token));

export const GET = publicApiRoute(
  openUnsubscribeLinkOperation,
  async ({ query }) => new Response(null, { status: 303, headers: { location: `/unsubscribe?token=${encodeURIComponent(query.token)}` } }),
);
