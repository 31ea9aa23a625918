import type { ExportColumn } from "./columns";

/** The XML of a one-sheet SpreadsheetML workbook (ECMA-376): the fixed parts, and the sheet as head, rows and tail. */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The number format of each kind but text; a cell's style is its format's index here + 2 (0 is the default, 1 the bold header). */
const NUMBER_FORMATS = [
  ["money", "#,##0.00"],
  ["percent", "0.00"],
  ["date", "yyyy-mm-dd"],
  ["instant", "yyyy-mm-dd hh:mm:ss"],
] as const satisfies ReadonlyArray<readonly [ExportColumn["kind"], string]>;
const HEADER_STYLE = 1;
function styleOf(kind: ExportColumn["kind"]): number {
  const format = NUMBER_FORMATS.findIndex(([formatted]) => formatted === kind);
  return format < 0 ? 0 : format + 2;
}
const FIRST_CUSTOM_FORMAT = 164;

const MS_PER_DAY = 86_400_000;
/** Excel's day number of 1970-01-01 (day 0 is 1899-12-30, in the 1900 date system). */
const UNIX_EPOCH_DAY = 25_569;

/** Characters XML 1.0 does not allow (dropped, as exceljs does) and the five it escapes. */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const escapeXml = (text: string) => text.replace(INVALID_XML, "").replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export const CONTENT_TYPES_XML = `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
</Types>`;

export const ROOT_RELS_XML = `${DECLARATION}<Relationships xmlns="${RELATIONSHIPS}">\
<Relationship Id="rId1" Type="${OFFICE_RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>\
</Relationships>`;

export const WORKBOOK_RELS_XML = `${DECLARATION}<Relationships xmlns="${RELATIONSHIPS}">\
<Relationship Id="rId1" Type="${OFFICE_RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>\
<Relationship Id="rId2" Type="${OFFICE_RELATIONSHIPS}/styles" Target="styles.xml"/>\
</Relationships>`;

/** A sheet name as Excel allows it: at most 31 characters, none of []:*?/\. */
export function workbookXml(sheetName: string): string {
  const name = sheetName.replace(/[[\]:*?/\\]/g, " ").slice(0, 31) || "Sheet1";
  return `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${OFFICE_RELATIONSHIPS}">\
<bookViews><workbookView/></bookViews><sheets><sheet name="${escapeXml(name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
}

const FONT = '<sz val="11"/><name val="Calibri"/><family val="2"/>';
const xf = (numFmtId: number, fontId: number) =>
  `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${fontId ? ' applyFont="1"' : ""}${numFmtId ? ' applyNumberFormat="1"' : ""}/>`;

export const STYLES_XML = `${DECLARATION}<styleSheet xmlns="${MAIN}">\
<numFmts count="${NUMBER_FORMATS.length}">${NUMBER_FORMATS.map(([, code], i) => `<numFmt numFmtId="${FIRST_CUSTOM_FORMAT + i}" formatCode="${escapeXml(code)}"/>`).join("")}</numFmts>\
<fonts count="2"><font>${FONT}</font><font><b/>${FONT}</font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="${NUMBER_FORMATS.length + 2}">${xf(0, 0)}${xf(0, 1)}${NUMBER_FORMATS.map((_, i) => xf(FIRST_CUSTOM_FORMAT + i, 0)).join("")}</cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
</styleSheet>`;

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const inlineString = (ref: string, text: string, style = 0) =>
  `<c r="${ref}"${style ? ` s="${style}"` : ""} t="inlineStr"><is><t${/^\s|\s$/.test(text) ? ' xml:space="preserve"' : ""}>${escapeXml(text)}</t></is></c>`;

/** The sheet up to its first data row: frozen bold header, column widths and formats. */
export function sheetHead(columns: readonly ExportColumn[]): string {
  const cols = columns
    .map(
      (column, i) =>
        `<col min="${i + 1}" max="${i + 1}" width="${column.width}"${styleOf(column.kind) ? ` style="${styleOf(column.kind)}"` : ""} customWidth="1"/>`,
    )
    .join("");
  const header = columns.map((column, i) => inlineString(`${columnLetters(i)}1`, column.header, HEADER_STYLE)).join("");
  return `${DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${OFFICE_RELATIONSHIPS}">\
<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>\
<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData><row r="1">${header}</row>`;
}

export const SHEET_TAIL = `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;

/**
 * Writes rows from row 2 on. A cell: money and percentages as numbers (at most 14 significant digits, which a
 * spreadsheet's doubles hold exactly, so "1234567890.12" stays that to the cent), dates and instants as day numbers
 * (UTC) with a date format, everything else as an inline string — never a formula. Null is an empty cell.
 */
export function sheetRows(columns: readonly ExportColumn[]) {
  const letters = columns.map((_, i) => columnLetters(i));
  const styles = columns.map((column) => styleOf(column.kind));
  let rowNumber = 1;
  const cell = (i: number, value: unknown): string => {
    if (value === null || value === undefined) return "";
    const text = String(value);
    const ref = `${letters[i]}${rowNumber}`;
    const kind = columns[i]!.kind;
    if (kind === "text") return inlineString(ref, text);
    const number =
      kind === "money" || kind === "percent"
        ? Number(text)
        : Date.parse(kind === "date" ? `${text}T00:00:00.000Z` : text) / MS_PER_DAY + UNIX_EPOCH_DAY;
    return Number.isFinite(number) ? `<c r="${ref}" s="${styles[i]}"><v>${number}</v></c>` : inlineString(ref, text);
  };
  return (rows: readonly unknown[][]): string => {
    let xml = "";
    for (const row of rows) {
      rowNumber++;
      xml += `<row r="${rowNumber}">`;
      for (let i = 0; i < columns.length; i++) xml += cell(i, row[i]);
      xml += "</row>";
    }
    return xml;
  };
}
