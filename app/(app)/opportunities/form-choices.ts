import { type Scope, seesWholeTenant } from "@/lib/scope";
import { listClientOptions } from "@/lib/clients";
import { listUsers } from "@/lib/users";

/** The clients a deal can be for, and (for supervisors and admins) the active users it can be assigned to. */
export async function opportunityFormChoices(scope: Scope) {
  const [clients, users] = await Promise.all([
    listClientOptions(scope, 1000),
    seesWholeTenant(scope) ? listUsers(scope) : Promise.resolve([]),
  ]);
  return { clients, owners: users.filter((u) => u.isActive).map((u) => ({ id: u.id, name: u.name })) };
}
