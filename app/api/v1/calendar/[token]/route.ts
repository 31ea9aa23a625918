import { calendarFileOf, getCalendarFileOperation, tokenOfFileName } from "@/lib/calendar";
import { publicApiRoute } from "@/lib/http";

const feed = publicApiRoute(
  getCalendarFileOperation,
  async ({ params, request }) =>
    new Response(await calendarFileOf(params.token, new URL(request.url).origin), {
      headers: { "content-type": "text/calendar; charset=utf-8", "content-disposition": 'inline; filename="onquota.ics"' },
    }),
);

/** Next has no partial dynamic segment: this folder receives "<token>.ics", and the operation reads the token. */
export const GET = (request: Request, context: { params: Promise<Record<string, string | string[] | undefined>> }) =>
  feed(request, { params: context.params.then(({ token }) => ({ token: tokenOfFileName(String(token ?? "")) })) });
