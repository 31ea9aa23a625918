import { systemClock, type Clock } from "@/lib/clock";
import { NotFoundError } from "@/lib/errors";
import { getUser } from "@/lib/users";
import { openDatedActivitiesOf, openDealsOf } from "./feed-items";
import { scopeFromFeedToken } from "./feed-tokens";
import { buildCalendar } from "./ics";

/** The iCalendar text of the feed a token names; 404 for an unknown, rotated or revoked token. */
export async function calendarFileOf(token: string, origin: string, clock: Clock = systemClock): Promise<string> {
  const now = clock();
  const scope = await scopeFromFeedToken(token, () => now);
  if (!scope) throw new NotFoundError("Calendar feed");
  const [owner, activities, deals] = await Promise.all([getUser(scope, scope.userId), openDatedActivitiesOf(scope), openDealsOf(scope)]);
  return buildCalendar({ ownerName: owner?.name ?? "", origin, now, activities, deals });
}
