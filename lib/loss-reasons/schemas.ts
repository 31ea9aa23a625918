import { z } from "zod";

const label = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");

export const lossReasonIdParams = z.object({ id: z.uuid() });

export const lossReasonBody = z
  .object({ label })
  .strict()
  .meta({ id: "LossReasonRequest", example: { label: "Price too high" } });

export const lossReasonOut = z
  .object({ id: z.uuid(), label: z.string() })
  .meta({ id: "LossReason", example: { id: "a3e1c9a2-6f0b-4d7e-9b1a-2c3d4e5f6a7b", label: "Price too high" } });

export const lossReasonListOut = z
  .object({ items: z.array(lossReasonOut) })
  .meta({ id: "LossReasonList", description: "The company's loss reasons, by label." });

export type LossReasonInput = z.infer<typeof lossReasonBody>;
export type LossReasonOut = z.infer<typeof lossReasonOut>;
