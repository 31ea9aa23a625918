import { z } from "zod";

/** What a feed token looks like: "oqc_" and 43 base64url characters. Anything else cannot name a feed. */
export const FEED_TOKEN_PATTERN = /^oqc_[A-Za-z0-9_-]{43}$/;

export const calendarFileParams = z.object({
  token: z
    .string()
    .regex(FEED_TOKEN_PATTERN)
    .meta({ description: "The feed's secret token, as in the URL handed out when the feed was created." }),
});

export const calendarFeedOut = z
  .object({
    active: z.boolean().meta({ description: "false: no feed URL works for you until you create one." }),
    token_hint: z.string().nullable().meta({ description: "The token's first and last characters, to recognise it." }),
    created_at: z.iso.datetime().nullable(),
    last_fetched_at: z.iso.datetime().nullable().meta({ description: "When a calendar app last read the feed (to the minute)." }),
  })
  .meta({
    id: "CalendarFeed",
    example: { active: true, token_hint: "oqc_…x9Qw", created_at: "2030-03-01T09:00:00Z", last_fetched_at: "2030-03-02T07:14:00Z" },
  });

export const issuedCalendarFeedOut = calendarFeedOut
  .extend({
    token: z.string().meta({ description: "The secret token; shown this once (only its hash is kept)." }),
    url: z.url().meta({ description: "The address to subscribe to in Google Calendar, Outlook or Apple Calendar." }),
  })
  .meta({ id: "IssuedCalendarFeed", description: "A new feed URL; any earlier URL of yours has stopped working." });

export const calendarFileOut = z.string().meta({ description: "An RFC 5545 iCalendar document." });

export type CalendarFeedOut = z.infer<typeof calendarFeedOut>;
export type IssuedCalendarFeedOut = z.infer<typeof issuedCalendarFeedOut>;
