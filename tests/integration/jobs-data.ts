/** Rows for the scheduled-job tests, written straight to the database (any dates, any state). */
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/prisma";
import type { OpportunityStage, QuoteStatus } from "@/lib/generated/prisma/enums";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

export function insertQuote(
  tenantId: string,
  clientId: string,
  salesRepId: string,
  validUntil: string,
  options: { status?: QuoteStatus; isDeleted?: boolean; number?: string; amount?: string } = {},
) {
  return db().quote.create({
    data: {
      tenantId,
      clientId,
      salesRepId,
      quoteNumber: options.number ?? `Q-${randomUUID().slice(0, 8)}`,
      totalAmount: options.amount ?? "1200.00",
      currency: "USD",
      status: options.status ?? "SENT",
      validUntil: day(validUntil),
      isDeleted: options.isDeleted ?? false,
      deletedAt: options.isDeleted ? new Date() : null,
    },
  });
}

export function insertOpportunity(
  tenantId: string,
  clientId: string,
  assignedTo: string,
  expectedClose: string,
  options: {
    name?: string;
    stage?: OpportunityStage;
    value?: string;
    probability?: string;
    isDeleted?: boolean;
    createdAt?: string;
    closedOn?: string;
  } = {},
) {
  const stage = options.stage ?? "PROPOSAL";
  return db().opportunity.create({
    data: {
      tenantId,
      clientId,
      assignedTo,
      name: options.name ?? `Deal ${randomUUID().slice(0, 8)}`,
      estimatedValue: options.value ?? "1000.00",
      baseValue: options.value ?? "1000.00",
      probability: options.probability ?? (stage === "CLOSED_WON" ? "100" : stage === "CLOSED_LOST" ? "0" : "50"),
      expectedCloseDate: day(expectedClose),
      actualCloseDate: options.closedOn ? day(options.closedOn) : null,
      stage,
      isDeleted: options.isDeleted ?? false,
      deletedAt: options.isDeleted ? new Date() : null,
      ...(options.createdAt ? { createdAt: new Date(options.createdAt) } : {}),
    },
  });
}

export function insertVehicle(tenantId: string, name: string, plate: string, due: string, options: { isDeleted?: boolean } = {}) {
  return db().vehicle.create({
    data: {
      tenantId,
      name,
      plateNumber: plate,
      nextMaintenanceDate: day(due),
      isDeleted: options.isDeleted ?? false,
      deletedAt: options.isDeleted ? new Date() : null,
    },
  });
}

export function notificationsOf(tenantId: string, where: { category?: "QUOTE" | "OPPORTUNITY" | "MAINTENANCE" | "SYSTEM" } = {}) {
  return db().notification.findMany({ where: { tenantId, ...where }, orderBy: [{ userId: "asc" }, { createdAt: "asc" }, { id: "asc" }] });
}
