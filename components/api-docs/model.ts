/** The parts of an OpenAPI 3.1 document the reference renders, normalized for display. */

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  example?: unknown;
  examples?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
};

export type Schemas = Record<string, JsonSchema>;
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type ParameterView = { name: string; in: "path" | "query" | "header"; required: boolean; description?: string; schema: JsonSchema };
export type ResponseView = { status: string; description: string; contentType?: string; schema?: JsonSchema; isError: boolean };

export type OperationView = {
  id: string;
  method: HttpMethod;
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  requiresAuth: boolean;
  roles: string[];
  parameters: ParameterView[];
  body?: { contentType: string; schema: JsonSchema; required: boolean };
  responses: ResponseView[];
};

export type ReferenceView = {
  title: string;
  version: string;
  description?: string;
  baseUrl: string;
  tags: { name: string; description?: string; operations: OperationView[] }[];
  schemas: Schemas;
};

type RawResponse = { $ref?: string; description?: string; content?: Record<string, { schema?: JsonSchema }> };
type RawParameter = { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema };
type RawOperation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: RawParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, RawResponse>;
  "x-roles"?: string[];
};
type RawDocument = {
  info?: { title?: string; version?: string; description?: string };
  servers?: { url: string }[];
  tags?: { name: string; description?: string }[];
  security?: Record<string, string[]>[];
  paths?: Record<string, Partial<Record<string, RawOperation>>>;
  components?: { schemas?: Schemas; responses?: Record<string, RawResponse> };
};

const METHODS: HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

export function toReferenceView(document: unknown): ReferenceView {
  const doc = document as RawDocument;
  const sharedResponses = doc.components?.responses ?? {};
  const operations: OperationView[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const raw = item[method.toLowerCase()];
      if (raw) operations.push(toOperationView(method, path, raw, doc.security, sharedResponses));
    }
  }
  const tagNames = [...new Set([...(doc.tags ?? []).map((t) => t.name), ...operations.flatMap((op) => op.tags)])];
  return {
    title: doc.info?.title ?? "API reference",
    version: doc.info?.version ?? "",
    description: doc.info?.description,
    baseUrl: doc.servers?.[0]?.url ?? "",
    tags: tagNames
      .map((name) => ({
        name,
        description: doc.tags?.find((t) => t.name === name)?.description,
        operations: operations.filter((op) => (op.tags[0] ?? "Other") === name),
      }))
      .filter((tag) => tag.operations.length > 0),
    schemas: doc.components?.schemas ?? {},
  };
}

function toOperationView(
  method: HttpMethod,
  path: string,
  raw: RawOperation,
  globalSecurity: RawDocument["security"],
  sharedResponses: Record<string, RawResponse>,
): OperationView {
  const security = raw.security ?? globalSecurity ?? [];
  const bodyEntry = Object.entries(raw.requestBody?.content ?? {})[0];
  return {
    id: raw.operationId ?? `${method}-${path}`,
    method,
    path,
    summary: raw.summary ?? "",
    description: raw.description,
    tags: raw.tags?.length ? raw.tags : ["Other"],
    requiresAuth: security.length > 0 && !security.some((requirement) => Object.keys(requirement).length === 0),
    roles: raw["x-roles"] ?? [],
    parameters: (raw.parameters ?? [])
      .filter((p): p is RawParameter & { in: ParameterView["in"] } => p.in === "path" || p.in === "query" || p.in === "header")
      .map((p) => ({
        name: p.name,
        in: p.in,
        required: p.in === "path" || Boolean(p.required),
        description: p.description ?? p.schema?.description,
        schema: p.schema ?? {},
      })),
    body: bodyEntry
      ? { contentType: bodyEntry[0], schema: bodyEntry[1].schema ?? {}, required: Boolean(raw.requestBody?.required) }
      : undefined,
    responses: Object.entries(raw.responses ?? {}).map(([status, response]) => {
      const resolved = response.$ref ? (sharedResponses[response.$ref.split("/").pop() ?? ""] ?? {}) : response;
      const content = Object.entries(resolved.content ?? {})[0];
      return {
        status,
        description: resolved.description ?? "",
        contentType: content?.[0],
        schema: content?.[1].schema,
        isError: !status.startsWith("2"),
      };
    }),
  };
}
