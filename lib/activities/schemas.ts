import { z } from "zod";
import { ActivityType } from "@/lib/generated/prisma/enums";
import { pageSchema, paginationQuery } from "@/lib/http/browser";

export const ACTIVITY_TYPES = Object.values(ActivityType);

export const activityTypeSchema = z
  .enum(ActivityType, { message: `must be one of ${ACTIVITY_TYPES.join(", ")}` })
  .meta({ id: "ActivityType", description: "What the activity is: a call, meeting, email, task or note." });

export const ACTIVITY_STATUSES = ["open", "done", "overdue"] as const;

/** An instant with its offset, e.g. "2030-03-31T09:30:00Z" or "2030-03-31T11:30:00+02:00". */
const instantInput = z.iso
  .datetime({ offset: true, message: "must be a date-time with a time zone, e.g. 2030-03-31T09:30:00Z" })
  .transform((text) => new Date(text))
  .meta({ type: "string", format: "date-time", example: "2030-03-31T09:30:00Z" });

const subject = z.string().trim().min(1, "is required").max(200, "must be at most 200 characters");
const note = z.string().trim().max(10_000, "must be at most 10000 characters").nullable();

export const activityIdParams = z.object({ id: z.uuid() });

export const createActivityBody = z
  .object({
    type: activityTypeSchema,
    subject,
    note: note.optional(),
    opportunity_id: z.uuid({ message: "must be an opportunity id" }).optional().meta({ description: "The deal it is about." }),
    client_id: z
      .uuid({ message: "must be a client id" })
      .optional()
      .meta({ description: "The client it is about; defaults to the deal's client. A deal or a client is required." }),
    due_at: instantInput.nullable().optional(),
    assigned_to: z
      .uuid({ message: "must be a user id" })
      .optional()
      .meta({ description: "Defaults to the caller; reps may only assign to themselves." }),
  })
  .strict()
  .meta({
    id: "CreateActivityRequest",
    example: {
      type: "CALL",
      subject: "Call about the renewal",
      opportunity_id: "550e8400-e29b-41d4-a716-446655440000",
      due_at: "2030-03-31T09:30:00Z",
    },
  });

export const updateActivityBody = z
  .object({
    type: activityTypeSchema.optional(),
    subject: subject.optional(),
    note: note.optional(),
    due_at: instantInput.nullable().optional().meta({ description: "null: no due time." }),
    done: z.boolean().optional().meta({ description: "true marks it done now (if not already), false reopens it." }),
    assigned_to: z.uuid({ message: "must be a user id" }).optional().meta({ description: "Reps may only assign to themselves." }),
  })
  .strict()
  .meta({ id: "UpdateActivityRequest", example: { due_at: "2030-04-02T14:00:00Z" } });

export const listActivitiesQuery = paginationQuery.extend({
  opportunity_id: z.uuid({ message: "must be an opportunity id" }).optional(),
  client_id: z.uuid({ message: "must be a client id" }).optional(),
  assigned_to: z.uuid({ message: "must be a user id" }).optional(),
  status: z
    .enum(ACTIVITY_STATUSES, { message: `must be one of ${ACTIVITY_STATUSES.join(", ")}` })
    .optional()
    .meta({ description: "open: not done; overdue: not done and due before now; done: completed." }),
  due_from: instantInput.optional().meta({ description: "Due at or after this instant." }),
  due_to: instantInput.optional().meta({ description: "Due before this instant." }),
});

const refOut = z.object({ id: z.uuid(), name: z.string() });

export const activityOut = z
  .object({
    id: z.uuid(),
    opportunity_id: z.uuid().nullable(),
    opportunity: refOut.nullable(),
    client_id: z.uuid().nullable(),
    client: refOut.nullable(),
    type: activityTypeSchema,
    subject: z.string(),
    note: z.string().nullable(),
    due_at: z.iso.datetime().nullable(),
    done_at: z.iso.datetime().nullable(),
    is_overdue: z.boolean(),
    assigned_to: z.uuid(),
    assigned_user: refOut,
    created_by: z.uuid(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: "Activity" });

export const activityPageOut = pageSchema(activityOut).meta({ id: "ActivityList" });

export type CreateActivityInput = z.output<typeof createActivityBody>;
export type UpdateActivityInput = z.output<typeof updateActivityBody>;
export type ListActivitiesQuery = z.output<typeof listActivitiesQuery>;
export type ActivityOut = z.infer<typeof activityOut>;
