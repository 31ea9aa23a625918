import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineOperation, type Operation } from "@/lib/http/operation";
import { paginationQuery, queryBoolean } from "@/lib/http/query";
import { decimalInput } from "@/lib/money";
import { buildOpenApiDocument, openApiDocument } from "./document";
import { errorStatusesOf, successStatusOf } from "./error-responses";
import { operations } from "./registry";

type Json = Record<string, unknown>;
type OperationObject = {
  operationId?: string;
  security?: Json[];
  parameters?: { in: string; name: string; required?: boolean; schema?: Json }[];
  requestBody?: { content: Record<string, { schema: Json }> };
  responses: Record<string, Json>;
  description?: string;
};

const doc = openApiDocument() as unknown as Json & {
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, Json>; responses: Record<string, Json>; securitySchemes: Record<string, Json> };
};

function operationOf(op: Operation): OperationObject | undefined {
  return doc.paths[op.path]?.[op.method.toLowerCase()];
}

/** Follows a local "#/a/b/c" reference. */
function resolve(ref: string): unknown {
  return ref
    .slice(2)
    .split("/")
    .reduce<unknown>((node, key) => (node as Json | undefined)?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], doc);
}

function refsIn(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((child) => refsIn(child, found));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") found.push(value);
      else refsIn(value, found);
    }
  }
  return found;
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 served under /api/v1 with both security schemes", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(doc.servers).toEqual([{ url: "/api/v1" }]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.components.securitySchemes.cookieAuth).toMatchObject({ type: "apiKey", in: "cookie", name: "authjs.session-token" });
  });

  it("is built once per process", () => {
    expect(openApiDocument()).toBe(openApiDocument());
  });

  it("has every registered operation under its path and method, with its operationId", () => {
    expect(operations.length).toBeGreaterThan(0);
    for (const op of operations) expect(operationOf(op)?.operationId, `${op.method} ${op.path}`).toBe(op.id);
    const ids = operations.map((op) => op.id);
    expect(new Set(ids).size).toBe(ids.length);
    const documented = Object.values(doc.paths).flatMap((item) => Object.keys(item));
    expect(documented).toHaveLength(operations.length);
  });

  it("requires bearer or cookie auth on every operation that is not public", () => {
    for (const op of operations) {
      const security = operationOf(op)?.security;
      if (op.auth === "public") expect(security, op.id).toEqual([]);
      else expect(security, op.id).toEqual([{ bearerAuth: [] }, { cookieAuth: [] }]);
    }
  });

  it("documents the success response and every error as a problem+json response", () => {
    for (const op of operations) {
      const responses = operationOf(op)!.responses;
      const success = responses[String(successStatusOf(op))];
      expect(success, `${op.id} success`).toBeDefined();
      if (successStatusOf(op) === 204 || successStatusOf(op) === 303) expect(success!.content, op.id).toBeUndefined();
      else expect(Object.keys(success!.content as Json), op.id).toEqual([op.responseContentType ?? "application/json"].flat());

      const expected = errorStatusesOf(op);
      if (op.auth !== "public") expect(expected).toContain(401);
      if (op.body) expect(expected).toEqual(expect.arrayContaining(op.textBody ? [413, 422] : [400, 413, 422]));
      if (op.roles) expect(expected).toContain(403);
      if (op.params) expect(expected).toContain(404);
      for (const code of expected) {
        const response = responses[String(code)];
        expect(response, `${op.id} ${code}`).toBeDefined();
        const resolved = (response!.$ref ? resolve(response!.$ref as string) : response) as { content: Json };
        expect(resolved.content["application/problem+json"], `${op.id} ${code}`).toEqual({
          schema: { $ref: "#/components/schemas/Problem" },
        });
      }
    }
  });

  it("declares exactly the path parameters its path template names", () => {
    for (const op of operations) {
      const declared = (operationOf(op)!.parameters ?? [])
        .filter((p) => p.in === "path")
        .map((p) => p.name)
        .sort();
      const named = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(declared, op.id).toEqual(named);
    }
  });

  it("has a Problem component and reusable components for the auth schemas", () => {
    const schemas = doc.components.schemas;
    expect(schemas.Problem).toMatchObject({ type: "object", required: ["type", "title", "status", "detail"] });
    expect(Object.keys(schemas.Problem!.properties as Json)).toEqual(["type", "title", "status", "detail", "errors", "request_id"]);
    for (const name of ["RegisterRequest", "TokenResponse", "User"]) expect(schemas[name], name).toMatchObject({ type: "object" });
    expect(operationOf(operations.find((op) => op.id === "register")!)!.requestBody!.content["application/json"]!.schema).toEqual({
      $ref: "#/components/schemas/RegisterRequest",
    });
  });

  it("documents decimal inputs as a string or a number, without a minus sign where the rules refuse negatives", () => {
    const create = doc.components.schemas.CreateOpportunityRequest as { properties: Record<string, Json> };
    expect(create.properties.estimated_value).toMatchObject({
      type: ["string", "number"],
      pattern: "^\\d+(\\.\\d{1,2})?$",
      exclusiveMinimum: 0,
    });
    expect(create.properties.probability).toMatchObject({
      type: ["string", "number"],
      pattern: "^\\d+(\\.\\d{1,2})?$",
      minimum: 0,
      maximum: 100,
    });
    const rate = (doc.components.schemas.ExchangeRateInput as { properties: Record<string, Json> }).properties.rate;
    expect(rate).toMatchObject({ type: ["string", "number"], pattern: "^\\d+(\\.\\d{1,8})?$", exclusiveMinimum: 0 });
    const pattern = new RegExp(rate!.pattern as string);
    expect(["1.085", "2", "0.00000001"].every((v) => pattern.test(v))).toBe(true);
    expect(["-1.085", "1.123456789", "NaN", "1e3"].some((v) => pattern.test(v))).toBe(false);
  });

  it("documents currency codes as the ISO 4217 list", () => {
    const currency = (doc.components.schemas.ExchangeRateInput as { properties: Record<string, Json> }).properties.currency!;
    expect(currency.enum).toEqual(expect.arrayContaining(["USD", "EUR", "JPY"]));
    expect(currency.enum).not.toContain("NAN");
    expect(currency.enum).not.toContain("XXX");
  });

  it("documents the unsubscribe link's 303, Retry-After on 429 and 503, and itself", () => {
    const open = doc.paths["/email/unsubscribe"]!.get!;
    expect(Object.keys(open.responses)).toEqual(["303", "422", "503"]);
    expect(open.responses["303"]).toMatchObject({ headers: { Location: { required: true } } });
    for (const name of ["TooManyRequests", "ServiceUnavailable"])
      expect(doc.components.responses[name], name).toMatchObject({ headers: { "Retry-After": { required: true } } });
    const self = doc.paths["/openapi.json"]!.get!;
    expect(self).toMatchObject({ operationId: "getOpenApiDocument", security: [] });
    expect(Object.keys(self.responses)).toEqual(["200"]);
  });

  it("has a license and a description for every tag", () => {
    expect(doc.info).toMatchObject({ license: { name: expect.any(String) } });
    for (const tag of doc.tags as Json[]) expect(tag.description, String(tag.name)).toEqual(expect.any(String));
  });

  it("has no dangling references", () => {
    for (const ref of refsIn(doc)) expect(resolve(ref), ref).toBeDefined();
  });
});

describe("building a document from any operation shape", () => {
  const probe = buildOpenApiDocument(
    [
      defineOperation({
        id: "listThings",
        method: "GET",
        path: "/things",
        summary: "List things",
        tags: ["Things"],
        roles: ["ADMIN", "SUPERVISOR"],
        query: paginationQuery.extend({ overdue: queryBoolean.optional(), min_value: decimalInput().optional() }),
        response: z.object({ items: z.array(z.object({ id: z.uuid() })) }),
      }),
      defineOperation({
        id: "updateThing",
        method: "PUT",
        path: "/things/{id}",
        summary: "Update a thing",
        tags: ["Things"],
        params: z.object({ id: z.uuid() }),
        body: z.object({ value: decimalInput() }).meta({ id: "ThingUpdate", example: { value: "10.00" } }),
        response: z.object({ id: z.uuid() }),
        ifMatch: true,
        errors: [409],
      }),
      defineOperation({
        id: "deleteThing",
        method: "DELETE",
        path: "/things/{id}",
        summary: "Delete",
        tags: ["Things"],
        params: z.object({ id: z.uuid() }),
        successStatus: 204,
      }),
      defineOperation({
        id: "streamThings",
        method: "GET",
        path: "/things/stream",
        summary: "Stream",
        tags: ["Things"],
        responseContentType: "text/event-stream",
      }),
    ],
    { Things: "Things to test the builder with." },
  ) as unknown as {
    paths: Record<string, Record<string, OperationObject>>;
    components: { schemas: Record<string, Json> };
    tags: Json[];
  };

  it("documents coerced query values by the type they parse to", () => {
    const params = Object.fromEntries(probe.paths["/things"]!.get!.parameters!.map((p) => [p.name, p]));
    expect(params.page!.schema).toMatchObject({ type: "integer", minimum: 1, default: 1 });
    expect(params.page_size!.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 100, default: 20 });
    expect(params.page!.required).toBeFalsy();
    expect(params.overdue!.schema).toEqual({ type: "boolean" });
    expect(params.min_value!.schema).toMatchObject({ type: ["string", "number"], pattern: "^-?\\d+(\\.\\d{1,2})?$", example: "50000.00" });
    expect(params.min_value!.schema).not.toHaveProperty("anyOf");
  });

  it("lists the roles, the If-Match header and the extra errors", () => {
    expect(probe.paths["/things"]!.get!.description).toContain("ADMIN, SUPERVISOR");
    expect(Object.keys(probe.paths["/things"]!.get!.responses)).toEqual(["200", "401", "403", "422", "503"]);
    const put = probe.paths["/things/{id}"]!.put!;
    expect(put.parameters!.find((p) => p.in === "header")).toMatchObject({ name: "If-Match", required: false });
    expect(Object.keys(put.responses)).toEqual(["200", "400", "401", "403", "404", "409", "412", "413", "422", "503"]);
    expect(Object.keys(probe.paths["/things/{id}"]!.delete!.responses)).toEqual(["204", "401", "403", "404", "503"]);
    expect(probe.components.schemas.ThingUpdate).toMatchObject({ example: { value: "10.00" } });
  });

  it("documents 204 without content and event streams by content type", () => {
    expect(probe.paths["/things/{id}"]!.delete!.responses["204"]).toEqual({ description: "No Content" });
    expect(Object.keys(probe.paths["/things/stream"]!.get!.responses["200"]!.content as Json)).toEqual(["text/event-stream"]);
  });

  it("describes each tag, and refuses a tag without a description", () => {
    expect(probe.tags).toEqual([{ name: "Things", description: "Things to test the builder with." }]);
    const op = defineOperation({ id: "a", method: "GET", path: "/a", summary: "a", tags: ["Nameless"] });
    expect(() => buildOpenApiDocument([op], {})).toThrow(/Tag "Nameless" has no description/);
  });

  it("documents a redirect as 303 with its Location header, and an operation without a database as never 503", () => {
    const redirect = buildOpenApiDocument(
      [
        defineOperation({
          id: "go",
          method: "GET",
          path: "/go",
          summary: "Go",
          tags: ["T"],
          successStatus: 303,
          database: false,
          auth: "public",
        }),
      ],
      { T: "t" },
    ) as unknown as { paths: Record<string, Record<string, OperationObject>> };
    expect(redirect.paths["/go"]!.get!.responses).toEqual({
      303: { description: "See Other", headers: { Location: expect.objectContaining({ required: true }) } },
    });
  });

  it("refuses two operations on one method and path", () => {
    const op = defineOperation({ id: "a", method: "GET", path: "/a", summary: "a", tags: ["A"] });
    expect(() => buildOpenApiDocument([op, { ...op, id: "b" }], { A: "a" })).toThrow(/Two operations for GET \/a/);
  });
});
