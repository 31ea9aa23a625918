/**
 * Holds every API response a test sees to the OpenAPI document (lib/openapi, built in-process, the one
 * `/api/v1/openapi.json` serves): the status must be documented for the operation, the body must match the
 * schema of its content type (ajv, JSON Schema 2020-12, the dialect of OpenAPI 3.1), a response documented
 * without content must have no body, and the headers the document requires must be there. Anything else fails
 * the test with the method, path, status and what differs.
 */
import { appendFileSync } from "node:fs";
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { openApiDocument } from "@/lib/openapi";

const API_PREFIX = "/api/v1";
const DOCUMENT_ID = "https://onquota.test/api/v1/openapi.json";
/** The OpenAPI 3.1 base vocabulary's keywords, which annotate a schema without constraining it. */
const OPENAPI_KEYWORDS = ["example", "discriminator", "xml", "externalDocs"];
/** The document's own members: the whole document is registered as the schema that response schemas are found in. */
const DOCUMENT_MEMBERS = ["openapi", "info", "jsonSchemaDialect", "servers", "paths", "webhooks", "components", "security", "tags"];

type Json = Record<string, unknown>;
type OperationObject = { responses: Record<string, Json> };
type ResponseObject = { description: string; content?: Record<string, { schema?: Json }>; headers?: Record<string, HeaderObject> };
type HeaderObject = { required?: boolean; schema?: Json; $ref?: string };
type Route = { template: string; pattern: RegExp; literalSegments: number };

export class ContractViolation extends Error {
  override name = "ContractViolation";
}

let contract: { ajv: Ajv2020; document: Json & { paths: Record<string, Json> }; routes: Route[] } | undefined;
const validators = new Map<string, ValidateFunction>();
let checked = 0;
/** Set to a file to have each checked response added to it as a line "METHOD /template status" (docs/reliability.md). */
const CHECKED_LOG = process.env.OPENAPI_CHECKED_LOG;

function load() {
  if (contract) return contract;
  const document = structuredClone(openApiDocument()) as unknown as Json & { paths: Record<string, Json> };
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addVocabulary([...OPENAPI_KEYWORDS, ...DOCUMENT_MEMBERS]);
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: DOCUMENT_ID }, undefined, undefined, false);
  const routes = Object.keys(document.paths)
    .map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{\w+\}/g, "[^/]+")}/?$`),
      literalSegments: template.split("/").filter((s) => s && !s.startsWith("{")).length,
    }))
    .sort((a, b) => b.literalSegments - a.literalSegments);
  contract = { ajv, document, routes };
  return contract;
}

/** How many responses this process has held to the document. */
export function responsesChecked(): number {
  return checked;
}

/**
 * Throws a ContractViolation unless `response` is one the document allows for `request`. Reads a copy of the
 * body, so the caller can still read it; an event stream's body is never read (it does not end).
 */
export async function assertDocumented(request: Request, response: Response): Promise<void> {
  const { document, routes } = load();
  const url = new URL(request.url);
  const method = request.method.toLowerCase();
  const where = `${request.method} ${url.pathname}${url.search} answered ${response.status}`;
  const fail = (problem: string, details: string[] = []): never => {
    throw new ContractViolation([`${where}, which the OpenAPI document does not allow: ${problem}`, ...details].join("\n  "));
  };

  // Tests may name a path from the API's root ("/clients"), as tests/helpers/api.ts's dispatch allows.
  const path = url.pathname.startsWith(`${API_PREFIX}/`) ? url.pathname.slice(API_PREFIX.length) : url.pathname;
  const route = routes.find((r) => r.pattern.test(path)) ?? fail("no path of the document matches");
  const operation = (document.paths[route.template] as Record<string, OperationObject | undefined>)[method];
  if (!operation) return fail(`${route.template} documents no ${request.method}`);
  const operationPointer = `#/paths/${escapePointer(route.template)}/${method}`;
  const declared = operation.responses[String(response.status)] ?? operation.responses.default;
  if (!declared) fail(`status ${response.status} is not documented for ${request.method} ${route.template}`);
  const [responseObject, pointer] = dereference(document, declared!, `${operationPointer}/responses/${response.status}`);

  for (const [name, header] of Object.entries(responseObject.headers ?? {})) {
    const resolved = header.$ref ? (resolvePointer(document, header.$ref) as HeaderObject) : header;
    if (resolved.required && !response.headers.has(name)) fail(`the ${name} header is missing`);
  }
  await checkContent(response, responseObject.content, pointer, fail);
  passed(`${request.method} ${route.template} ${response.status}`);
}

type Fail = (problem: string, details?: string[]) => never;

async function checkContent(response: Response, content: ResponseObject["content"], pointer: string, fail: Fail) {
  const contentType = mediaTypeOf(response.headers);
  if (!content) {
    const text = response.body ? await response.clone().text() : "";
    if (text !== "") fail(`the document says no content, but the body is ${JSON.stringify(text.slice(0, 200))}`);
    return;
  }
  const media = content[contentType] ?? fail(`content type "${contentType}" is not one of ${Object.keys(content).join(", ")}`);
  if (contentType === "text/event-stream" || !media.schema) return;
  const text = await response.clone().text();
  const body = isJson(contentType) ? parseJson(text, fail) : text;
  const validate = validatorFor(`${pointer}/content/${escapePointer(contentType)}/schema`);
  if (!validate(body)) fail("the body does not match its schema:", describeErrors(validate.errors ?? [], body));
}

function mediaTypeOf(headers: Headers): string {
  return headers.get("content-type")?.split(";")[0]!.trim().toLowerCase() ?? "";
}

function passed(line: string) {
  checked++;
  if (CHECKED_LOG) appendFileSync(CHECKED_LOG, `${line}\n`);
}

function validatorFor(pointer: string): ValidateFunction {
  let validate = validators.get(pointer);
  if (!validate) {
    const fragment = `#${pointer.slice(1).split("/").map(encodeURIComponent).join("/")}`;
    validate = load().ajv.compile({ $ref: `${DOCUMENT_ID}${fragment}` });
    validators.set(pointer, validate);
  }
  return validate;
}

/** A response object, following its `$ref` into components/responses, and the pointer to where it is. */
function dereference(document: Json, node: Json, pointer: string): [ResponseObject, string] {
  if (typeof node.$ref !== "string") return [node as ResponseObject, pointer];
  return [resolvePointer(document, node.$ref) as ResponseObject, node.$ref];
}

function resolvePointer(document: Json, ref: string): unknown {
  return ref
    .slice(2)
    .split("/")
    .reduce<unknown>((node, key) => (node as Json | undefined)?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], document);
}

function escapePointer(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

function isJson(contentType: string): boolean {
  return contentType === "application/json" || contentType.endsWith("+json");
}

function parseJson(text: string, fail: Fail): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fail(`the body is not JSON: ${JSON.stringify(text.slice(0, 200))}`);
  }
}

function describeErrors(errors: ErrorObject[], body: unknown): string[] {
  const lines = errors.slice(0, 10).map((e) => {
    const at = e.instancePath || "(the body)";
    const extra = e.keyword === "additionalProperties" ? ` "${(e.params as { additionalProperty: string }).additionalProperty}"` : "";
    return `${at} ${e.message}${extra} [${e.keyword} at ${e.schemaPath}]`;
  });
  if (errors.length > 10) lines.push(`… and ${errors.length - 10} more`);
  lines.push(`body: ${JSON.stringify(body).slice(0, 500)}`);
  return lines;
}
