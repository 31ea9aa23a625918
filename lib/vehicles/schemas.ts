import { z } from "zod";
import { pageSchema, paginationQuery, queryInt } from "@/lib/http";
import { userRefOut } from "@/lib/quotes";

/** A calendar date `YYYY-MM-DD` (a real day), as a Date at 00:00 UTC. */
const maintenanceDate = z.iso
  .date({ message: "must be a date in the form YYYY-MM-DD" })
  .transform((text) => new Date(`${text}T00:00:00.000Z`))
  .meta({ type: "string", format: "date", example: "2026-04-15" });

const vehicleName = z.string().trim().min(1, "is required").max(200, "must be at most 200 characters");
const plateNumber = z.string().trim().min(1, "is required").max(20, "must be at most 20 characters");

/** A user id, or null (an empty form field too) for nobody. */
const assignedTo = z
  .union([z.literal("").transform(() => null), z.uuid({ message: "must be a valid id" })], { message: "must be a valid id" })
  .nullable()
  .optional()
  .meta({ description: 'An active user of your company; null or "" for nobody.' });

export const createVehicleBody = z
  .object({ name: vehicleName, plate_number: plateNumber, assigned_to: assignedTo, next_maintenance_date: maintenanceDate })
  .strict()
  .meta({
    id: "CreateVehicleRequest",
    example: { name: "Van 3", plate_number: "ABC-1234", assigned_to: null, next_maintenance_date: "2026-04-15" },
  });

export const updateVehicleBody = z
  .object({
    name: vehicleName.optional(),
    plate_number: plateNumber.optional(),
    assigned_to: assignedTo,
    next_maintenance_date: maintenanceDate.optional(),
  })
  .strict()
  .meta({ id: "UpdateVehicleRequest", example: { next_maintenance_date: "2026-10-15" } });

export const vehicleIdParams = z.object({ id: z.uuid() });

export const vehicleListQuery = paginationQuery.extend({
  due_within_days: queryInt(0, 3650)
    .optional()
    .meta({ description: "Only vehicles whose maintenance is due within this many days from today (overdue ones included)." }),
});

export const vehicleOut = z
  .object({
    id: z.uuid(),
    tenant_id: z.uuid(),
    name: z.string(),
    plate_number: z.string(),
    assigned_to: z.uuid().nullable(),
    assigned_user: userRefOut.nullable(),
    next_maintenance_date: z.iso.date(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: "Vehicle" });

export const vehicleListOut = pageSchema(vehicleOut).meta({ id: "VehicleList" });

export type CreateVehicleInput = z.output<typeof createVehicleBody>;
export type UpdateVehicleInput = z.output<typeof updateVehicleBody>;
export type VehicleListQuery = z.output<typeof vehicleListQuery>;
export type VehicleOut = z.infer<typeof vehicleOut>;
