/**
 * JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1 and of AsyncAPI's default
 * schema format) as plain data, with the few builders the documents use. No
 * validator here: the documents are data a browser or a test can read as they are.
 */

/** A JSON Schema object; kept loose on purpose (the documents are checked by ajv in test/contract). */
export type JsonSchema = { [keyword: string]: unknown };

/** `$ref` into `components.schemas` (the same path in the OpenAPI and the AsyncAPI document). */
export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** An object with these properties, of which `required` must be present. */
export function obj(properties: Record<string, JsonSchema>, required: readonly string[] = Object.keys(properties), extra: JsonSchema = {}): JsonSchema {
  return { type: 'object', properties, required: [...required], ...extra };
}

export const arr = (items: JsonSchema, extra: JsonSchema = {}): JsonSchema => ({ type: 'array', items, ...extra });
export const str = (extra: JsonSchema = {}): JsonSchema => ({ type: 'string', ...extra });
export const int = (extra: JsonSchema = {}): JsonSchema => ({ type: 'integer', ...extra });
export const num = (extra: JsonSchema = {}): JsonSchema => ({ type: 'number', ...extra });
export const bool = (extra: JsonSchema = {}): JsonSchema => ({ type: 'boolean', ...extra });
/** Milliseconds since the epoch. */
export const epochMs = (description: string): JsonSchema => int({ minimum: 0, description });
