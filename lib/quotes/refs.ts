import { z } from "zod";

/** Embedded references: a quote's client and sales rep, a vehicle's assigned user. */
export const clientRefOut = z.object({ id: z.uuid(), name: z.string() });
export const userRefOut = z.object({ id: z.uuid(), name: z.string(), email: z.string() });

export type ClientRef = z.infer<typeof clientRefOut>;
export type UserRef = z.infer<typeof userRefOut>;

export const clientRefSelect = { id: true, name: true } as const;
export const userRefSelect = { id: true, name: true, email: true } as const;

export function serializeClientRef(row: ClientRef): ClientRef {
  return { id: row.id, name: row.name };
}

export function serializeUserRef(row: UserRef): UserRef {
  return { id: row.id, name: row.name, email: row.email };
}
