/** Notification titles are at most this many characters (code points); longer ones end in "…". */
export const TITLE_MAX = 200;

/** A title cut to TITLE_MAX characters. SQL: `clipTitleSql`. */
export function clipTitle(text: string): string {
  const characters = [...text];
  return characters.length <= TITLE_MAX ? text : `${characters.slice(0, TITLE_MAX - 1).join("")}…`;
}
