import { Prisma } from "@/lib/db";
import { TITLE_MAX } from "./rules";

/** `clipTitle` of the text expression `text` (char_length and left count characters, as clipTitle does). */
export function clipTitleSql(text: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(CASE WHEN char_length(${text}) <= ${TITLE_MAX} THEN ${text} ELSE left(${text}, ${TITLE_MAX - 1}) || '…' END)`;
}
