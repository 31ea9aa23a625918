import { fixedClock } from "@/lib/clock";
import { createLossReason } from "@/lib/loss-reasons";
import { createOpportunity, deleteOpportunity, updateOpportunity, updateStage } from "@/lib/opportunities";
import type { CreateOpportunityInput } from "@/lib/opportunities/browser";
import { get } from "../helpers/api";
import type { TestUser } from "../helpers/fixtures";
import type { OppWorld } from "./opportunities-helpers";

/** Shared by the analytics tests (not a test file itself). */

/** Noon UTC of a day of March 2026: every scripted change happens at noon, so stays in a stage last whole days. */
export const noon = (day: number) => fixedClock(`2026-03-${String(day).padStart(2, "0")}T12:00:00.000Z`);
const date = (text: string) => new Date(`${text}T00:00:00.000Z`);

export type Deals = Record<"d1" | "d2" | "d3" | "d4" | "d5" | "d6", string>;
export type Script = { deals: Deals; reasonId: string };

/**
 * The scripted month, day by day (`afterDay` runs after each day's changes, e.g. to take that day's summary):
 *   d1 rep       1 Mar LEAD 1000.00 (close 31 Mar) · 3 Mar QUALIFIED · 6 Mar PROPOSAL · 10 Mar WON
 *   d2 rep       1 Mar LEAD 2000.00 (close 20 Mar) · 5 Mar QUALIFIED · 8 Mar close → 15 Apr · 12 Mar LOST "No budget"
 *   d3 otherRep  2 Mar QUALIFIED 500.00 (close 25 Mar) · 4 Mar value 800.00 · 9 Mar WON
 *   d4 otherRep  3 Mar LEAD 300.00 (close 1 May) · 11 Mar close → 28 Mar
 *   d5 rep       5 Mar PROPOSAL 1500.00 (close 30 Mar) · 7 Mar NEGOTIATION
 *   d6 otherRep  6 Mar LEAD 400.00 (close 29 Mar) · 8 Mar deleted by the admin
 */
export async function scriptMarch(w: OppWorld, afterDay: (day: number) => Promise<void> = async () => {}): Promise<Script> {
  const reasonId = (await createLossReason(w.admin, { label: "No budget" })).id;
  const deals = {} as Deals;
  const create = async (
    who: TestUser,
    day: number,
    input: Partial<CreateOpportunityInput> & { estimated_value: string; expected_close_date: Date },
  ) => (await createOpportunity(who, { name: "Deal", client_id: w.clientId, stage: "LEAD", ...input }, noon(day))).id;
  const days: Record<number, () => Promise<void>> = {
    1: async () => {
      deals.d1 = await create(w.rep, 1, { estimated_value: "1000.00", expected_close_date: date("2026-03-31") });
      deals.d2 = await create(w.rep, 1, { estimated_value: "2000.00", expected_close_date: date("2026-03-20") });
    },
    2: async () => {
      deals.d3 = await create(w.otherRep, 2, { estimated_value: "500.00", expected_close_date: date("2026-03-25"), stage: "QUALIFIED" });
    },
    3: async () => {
      deals.d4 = await create(w.otherRep, 3, { estimated_value: "300.00", expected_close_date: date("2026-05-01") });
      await updateStage(w.rep, deals.d1, { stage: "QUALIFIED" }, { clock: noon(3) });
    },
    4: async () => {
      await updateOpportunity(w.otherRep, deals.d3, { estimated_value: "800.00" }, { clock: noon(4) });
    },
    5: async () => {
      await updateStage(w.rep, deals.d2, { stage: "QUALIFIED" }, { clock: noon(5) });
      deals.d5 = await create(w.rep, 5, { estimated_value: "1500.00", expected_close_date: date("2026-03-30"), stage: "PROPOSAL" });
    },
    6: async () => {
      await updateStage(w.rep, deals.d1, { stage: "PROPOSAL" }, { clock: noon(6) });
      deals.d6 = await create(w.otherRep, 6, { estimated_value: "400.00", expected_close_date: date("2026-03-29") });
    },
    7: async () => {
      await updateStage(w.rep, deals.d5, { stage: "NEGOTIATION" }, { clock: noon(7) });
    },
    8: async () => {
      await updateOpportunity(w.rep, deals.d2, { expected_close_date: date("2026-04-15") }, { clock: noon(8) });
      await deleteOpportunity(w.admin, deals.d6, { clock: noon(8) });
    },
    9: async () => {
      await updateStage(w.otherRep, deals.d3, { stage: "CLOSED_WON" }, { clock: noon(9) });
    },
    10: async () => {
      await updateStage(w.rep, deals.d1, { stage: "CLOSED_WON" }, { clock: noon(10) });
    },
    11: async () => {
      await updateOpportunity(w.otherRep, deals.d4, { expected_close_date: date("2026-03-28") }, { clock: noon(11) });
    },
    12: async () => {
      await updateStage(w.rep, deals.d2, { stage: "CLOSED_LOST", loss_reason_id: reasonId }, { clock: noon(12) });
    },
  };
  for (let day = 1; day <= 12; day += 1) {
    await days[day]!();
    await afterDay(day);
  }
  return { deals, reasonId };
}

/** GET that must answer 200 (the helper checks the body against the OpenAPI document). */
export async function read(path: string, who: TestUser) {
  const response = await get(path, { token: who.token });
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${response.text}`);
  return response.body;
}
