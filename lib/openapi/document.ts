import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
  type ZodOpenApiResponsesObject,
  type oas31,
} from "zod-openapi";
import type { Operation } from "@/lib/http";
import { ERROR_RESPONSES, errorStatusesOf, successStatusOf } from "./error-responses";
import { problemSchema } from "./problem-schema";
import { operations } from "./registry";
import { tidySchema } from "./schema-override";
import { TAG_DESCRIPTIONS } from "./tags";

export type OpenApiDocument = ReturnType<typeof createDocument>;

const SESSION_COOKIE = "authjs.session-token";
const AUTHENTICATED: oas31.SecurityRequirementObject[] = [{ bearerAuth: [] }, { cookieAuth: [] }];
const SUCCESS_DESCRIPTIONS = { 200: "OK", 201: "Created", 204: "No Content", 303: "See Other" } as const;
/** The product is not open source: every right is reserved by its owner. */
const LICENSE: oas31.LicenseObject = { name: "Proprietary", identifier: "LicenseRef-OnQuota-Proprietary" };

const API_DESCRIPTION = [
  "The OnQuota sales CRM API. JSON bodies and responses use snake_case field names.",
  'Decimals (money, probability) travel as strings with two decimals (`"50000.00"`); requests accept a string or a number. Dates are `YYYY-MM-DD`, instants ISO-8601 UTC.',
  "**Authentication:** send `Authorization: Bearer <token>` (get one from `POST /auth/token`), or use the session cookie of a signed-in browser.",
  "**Errors** are `application/problem+json` (RFC 9457). Every response carries an `X-Request-Id` header.",
].join("\n\n");

const LOCATION: oas31.HeaderObject = {
  description: "Where to go next.",
  required: true,
  schema: { type: "string", format: "uri-reference" },
};

let cached: OpenApiDocument | undefined;

/** The API's OpenAPI 3.1 document, built once per process from the operation registry. */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument(operations);
  return cached;
}

/** `tags`: the description of each tag the operations use (a tag without one throws). */
export function buildOpenApiDocument(ops: readonly Operation[], tags: Record<string, string> = TAG_DESCRIPTIONS): OpenApiDocument {
  return createDocument(
    {
      openapi: "3.1.0",
      info: { title: "OnQuota API", version: "1.0.0", description: API_DESCRIPTION, license: LICENSE },
      servers: [{ url: "/api/v1" }],
      tags: tagsOf(ops, tags),
      paths: pathsOf(ops),
      components: {
        schemas: { Problem: problemSchema },
        securitySchemes: {
          bearerAuth: { type: "http", scheme: "bearer", description: "An access token from `POST /auth/token` or `POST /auth/register`." },
          cookieAuth: {
            type: "apiKey",
            in: "cookie",
            name: SESSION_COOKIE,
            description: "The next-auth session cookie of a signed-in browser.",
          },
        },
        responses: sharedErrorResponses(ops),
      },
    },
    { override: tidySchema },
  );
}

function tagsOf(ops: readonly Operation[], descriptions: Record<string, string>): oas31.TagObject[] {
  return [...new Set(ops.flatMap((op) => op.tags))].map((name) => {
    const description = descriptions[name];
    if (!description) throw new Error(`Tag "${name}" has no description in lib/openapi/tags.ts`);
    return { name, description };
  });
}

function pathsOf(ops: readonly Operation[]): ZodOpenApiPathsObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const op of ops) {
    const item = (paths[op.path] ??= {});
    const method = op.method.toLowerCase() as Lowercase<Operation["method"]>;
    if (item[method]) throw new Error(`Two operations for ${op.method} ${op.path}: ${item[method].operationId} and ${op.id}`);
    item[method] = operationObject(op);
  }
  return paths;
}

function operationObject(op: Operation): ZodOpenApiOperationObject {
  const requestParams = Object.fromEntries(Object.entries({ path: op.params, query: op.query }).filter(([, schema]) => schema));
  return {
    operationId: op.id,
    summary: op.summary,
    ...(describe(op) ? { description: describe(op) } : {}),
    tags: op.tags,
    security: op.auth === "public" ? [] : AUTHENTICATED,
    ...(Object.keys(requestParams).length ? { requestParams } : {}),
    ...(op.ifMatch ? { parameters: [ifMatchHeader()] } : {}),
    ...(op.body ? { requestBody: { required: true, content: requestContent(op) } } : {}),
    ...(op.multipart ? { requestBody: { required: true, content: { "multipart/form-data": { schema: op.multipart } } } } : {}),
    responses: responsesOf(op),
    ...(op.roles ? { "x-roles": [...op.roles] } : {}),
    ...(op.ownerScoped ? { "x-owner-scoped": true } : {}),
  };
}

function describe(op: Operation): string | undefined {
  const lines = op.description ? [op.description] : [];
  if (op.roles) lines.push(`**Roles:** only ${op.roles.join(", ")} may call this; others get 403.`);
  if (op.ownerScoped) lines.push("Sales reps reach only their own records here; anyone else's answers 404.");
  return lines.length ? lines.join("\n\n") : undefined;
}

function ifMatchHeader(): oas31.ParameterObject {
  return {
    name: "If-Match",
    in: "header",
    required: false,
    description: "The `version` you last read, quoted. If the resource has changed since, the write answers 412 and changes nothing.",
    schema: { type: "string", examples: ['"3"'] },
  };
}

function responsesOf(op: Operation): ZodOpenApiResponsesObject {
  const status = successStatusOf(op);
  const responses: Record<string, ZodOpenApiResponseObject | oas31.ReferenceObject> = { [status]: successResponse(op, status) };
  for (const code of errorStatusesOf(op)) {
    const known = ERROR_RESPONSES[code];
    responses[code] = known
      ? { $ref: `#/components/responses/${known.name}` }
      : { description: `Error ${code}.`, content: { "application/problem+json": { schema: problemSchema } } };
  }
  return responses as ZodOpenApiResponsesObject;
}

function successResponse(op: Operation, status: 200 | 201 | 204 | 303): ZodOpenApiResponseObject {
  const description = SUCCESS_DESCRIPTIONS[status];
  if (status === 204) return { description };
  if (status === 303) return { description, headers: { Location: LOCATION } };
  const contentTypes = [op.responseContentType ?? "application/json"].flat();
  const schema = op.response ?? { type: "string" as const };
  return { description, content: Object.fromEntries(contentTypes.map((type) => [type, { schema }])) };
}

function sharedErrorResponses(ops: readonly Operation[]) {
  const used = new Set(ops.flatMap(errorStatusesOf));
  return Object.fromEntries(
    Object.entries(ERROR_RESPONSES)
      .filter(([code]) => used.has(Number(code)))
      .map(([, { name, description, headers }]) => [
        name,
        { description, ...(headers ? { headers } : {}), content: { "application/problem+json": { schema: problemSchema } } },
      ]),
  );
}

function requestContent(op: Operation) {
  const types = op.textBody?.contentTypes ?? ["application/json"];
  return Object.fromEntries(types.map((type) => [type, { schema: op.body }]));
}
