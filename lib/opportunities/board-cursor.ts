import { ValidationError } from "@/lib/errors";

/** Where a board column's next page starts: after this card in (board_position, id) order. */
export type BoardCursor = { position: number; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque to clients: base64url of "<position>|<id>" (a double prints and parses back exactly). */
export function encodeBoardCursor(cursor: BoardCursor): string {
  return Buffer.from(`${cursor.position}|${cursor.id}`, "utf8").toString("base64url");
}

export function decodeBoardCursor(text: string): BoardCursor {
  const invalid = ValidationError.field("cursor", "is not a valid board cursor");
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) throw invalid;
  const [positionText, id, ...rest] = Buffer.from(text, "base64url").toString("utf8").split("|");
  const position = Number(positionText);
  if (rest.length > 0 || !positionText || !Number.isFinite(position) || !id || !UUID.test(id)) throw invalid;
  return { position, id: id.toLowerCase() };
}
