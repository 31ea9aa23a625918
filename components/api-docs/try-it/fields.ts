import type { ParameterView, Schemas } from "../model";
import { enumValues, exampleOf, resolveSchema } from "../schema-utils";

/** What a "Try it" field needs to know about its parameter, computed on the server so the schemas stay there. */
export type TryField = {
  key: string;
  name: string;
  in: ParameterView["in"];
  required: boolean;
  choices?: string[];
  hint?: string;
};

export function toTryFields(parameters: ParameterView[], schemas: Schemas): TryField[] {
  return parameters.map((p) => {
    const schema = resolveSchema(p.schema, schemas);
    const example = exampleOf(schema);
    const hint =
      schema.default !== undefined
        ? `default ${String(schema.default)}`
        : example !== undefined
          ? `e.g. ${String(example)}`
          : schema.format;
    return {
      key: `${p.in}:${p.name}`,
      name: p.name,
      in: p.in,
      required: p.required,
      choices: schema.type === "boolean" ? ["true", "false"] : enumValues(p.schema, schemas)?.map(String),
      hint,
    };
  });
}
