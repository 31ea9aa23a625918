import { z } from "zod";
import type { PageRequest } from "./query";

export type Page<T> = { items: T[]; total: number; page: number; page_size: number; total_pages: number };

export function pageOf<T>(items: T[], total: number, req: PageRequest): Page<T> {
  return { items, total, page: req.page, page_size: req.page_size, total_pages: Math.ceil(total / req.page_size) };
}

export function skipTake(req: PageRequest): { skip: number; take: number } {
  return { skip: (req.page - 1) * req.page_size, take: req.page_size };
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    page_size: z.number().int(),
    total_pages: z.number().int(),
  });
}
