import { describe, expect, it } from "vitest";
import { toReferenceView } from "@/components/api-docs/model";
import { sampleOf } from "@/components/api-docs/schema-utils";
import { buildRequest, curlCommand } from "@/components/api-docs/try-it/build-request";
import { toTryFields } from "@/components/api-docs/try-it/fields";
import { openApiDocument } from "./document";
import { operations } from "./registry";

const reference = toReferenceView(openApiDocument());
const views = reference.tags.flatMap((tag) => tag.operations);

describe("the /docs reference view", () => {
  it("shows every operation once, under its first tag", () => {
    expect(views.map((op) => op.id).sort()).toEqual(operations.map((op) => op.id).sort());
    for (const tag of reference.tags) for (const op of tag.operations) expect(op.tags[0]).toBe(tag.name);
    expect(reference.baseUrl).toBe("/api/v1");
  });

  it("marks auth, roles and resolves shared error responses", () => {
    for (const op of operations) {
      const view = views.find((v) => v.id === op.id)!;
      expect(view.requiresAuth, op.id).toBe(op.auth !== "public");
      expect(view.roles, op.id).toEqual(op.roles ? [...op.roles] : []);
      for (const response of view.responses.filter((r) => r.isError)) {
        expect(response.description, `${op.id} ${response.status}`).not.toBe("");
        expect(response.contentType).toBe("application/problem+json");
      }
    }
  });

  it("prefills every request body with a JSON example", () => {
    for (const view of views.filter((v) => v.body)) {
      const sample = sampleOf(view.body!.schema, reference.schemas);
      expect(sample, view.id).toBeTypeOf("object");
      expect(JSON.parse(JSON.stringify(sample))).toEqual(sample);
    }
  });

  it("builds the request a Try it panel sends", () => {
    const view = views.find((v) => v.parameters.some((p) => p.in === "path"))!;
    const fields = toTryFields(view.parameters, reference.schemas);
    const pathField = fields.find((f) => f.in === "path")!;
    expect(buildRequest({ method: view.method, baseUrl: "/api/v1", path: view.path, fields, values: {}, token: "" }).missing).toContain(
      pathField.name,
    );

    const built = buildRequest({
      method: "PUT",
      baseUrl: "/api/v1",
      path: "/things/{id}",
      fields: [
        { key: "path:id", name: "id", in: "path", required: true },
        { key: "query:page", name: "page", in: "query", required: false },
        { key: "header:If-Match", name: "If-Match", in: "header", required: false },
      ],
      values: { "path:id": "a b", "query:page": "2", "header:If-Match": '"3"' },
      body: '{"name":"O\'Neil"}',
      token: " tok ",
    });
    expect(built.missing).toEqual([]);
    expect(built.url).toBe("/api/v1/things/a%20b?page=2");
    expect(built.init.headers).toMatchObject({ authorization: "Bearer tok", "If-Match": '"3"', "content-type": "application/json" });
    expect(curlCommand(built, "http://localhost:3000")).toContain(`--data '{"name":"O'\\''Neil"}'`);
  });
});
