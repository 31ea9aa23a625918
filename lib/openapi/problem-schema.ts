import { z } from "zod";
import type { Problem } from "@/lib/http";

/** The RFC 9457 problem document every error response carries (see lib/http/problem.ts). */
export const problemSchema: z.ZodType<Problem> = z
  .object({
    type: z.string().meta({ example: "about:blank" }),
    title: z.string().meta({ example: "Unprocessable Content" }),
    status: z.number().int().meta({ example: 422 }),
    detail: z.string().meta({ example: "The request has invalid fields." }),
    errors: z
      .array(
        z.object({ field: z.string().meta({ example: "email" }), message: z.string().meta({ example: "must be a valid email address" }) }),
      )
      .optional()
      .meta({ description: "Field errors, for 422 responses." }),
    request_id: z
      .string()
      .optional()
      .meta({ description: "Also sent as the X-Request-Id header.", example: "4f6c1b1e-2d7a-4d53-9a39-2a7b8f0f8f9e" }),
  })
  .meta({ id: "Problem", description: "An RFC 9457 problem document." });
