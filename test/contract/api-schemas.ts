/**
 * Validates real answers against the served OpenAPI / AsyncAPI documents with ajv
 * (JSON Schema draft 2020-12, OpenAPI 3.1's dialect). Strict on purpose: every
 * object schema is checked as if it said `additionalProperties: false`, so a field
 * the engine sends but the document does not name fails the test (the published
 * documents stay open, clients must accept new fields).
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import type { JsonSchema } from '../../protos/openapi/index.js';

// ajv-formats is CommonJS: under nodenext its default import is module.exports, whose `default` is the plugin.
const addFormats = ajvFormats.default;

const DEFS_ID = 'urn:shop-brain:schemas';

/** `#/components/schemas/X` -> the registered defs; objects closed (see the file comment). */
function strictCopy(s: unknown, closeObjects: boolean): unknown {
  if (Array.isArray(s)) return s.map((x) => strictCopy(x, closeObjects));
  if (typeof s !== 'object' || s === null) return s;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === '$ref' && typeof v === 'string') out[k] = v.replace('#/components/schemas/', `${DEFS_ID}#/$defs/`);
    // `properties` and `$defs` map names to schemas: recurse into each value, not into the map as a schema.
    else if ((k === 'properties' || k === '$defs') && typeof v === 'object' && v !== null) {
      out[k] = Object.fromEntries(Object.entries(v).map(([n, x]) => [n, strictCopy(x, closeObjects)]));
    } else out[k] = strictCopy(v, closeObjects);
  }
  if (closeObjects && out['type'] === 'object' && out['properties'] !== undefined && out['additionalProperties'] === undefined) out['additionalProperties'] = false;
  return out;
}

export interface SchemaError {
  ok: false;
  errors: string;
}

export class ApiSchemas {
  readonly #ajv: Ajv2020;
  readonly #doc: JsonSchema;
  readonly #cache = new Map<string, ValidateFunction>();

  constructor(doc: JsonSchema) {
    this.#doc = doc;
    this.#ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(this.#ajv);
    const components = (doc['components'] as { schemas: Record<string, unknown> }).schemas;
    this.#ajv.addSchema({ $id: DEFS_ID, $defs: strictCopy(components, true) as Record<string, unknown> });
  }

  #compile(key: string, schema: unknown): ValidateFunction {
    let v = this.#cache.get(key);
    if (!v) this.#cache.set(key, (v = this.#ajv.compile(strictCopy(schema, true) as object)));
    return v;
  }

  /** The JSON schema documented for `method path` answering `status` (throws when none is documented). */
  responseSchema(method: string, path: string, status: number): unknown {
    const paths = this.#doc['paths'] as Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
    const op = paths[path]?.[method.toLowerCase()];
    if (!op) throw new Error(`${method} ${path} is not in the document`);
    const res = op.responses[String(status)];
    if (!res) throw new Error(`${method} ${path} does not document status ${status} (documented: ${Object.keys(op.responses).join(', ')})`);
    const schema = res.content?.['application/json']?.schema;
    if (schema === undefined) throw new Error(`${method} ${path} ${status} has no application/json schema`);
    return schema;
  }

  /** Errors of `body` against the documented answer, or undefined when it conforms. */
  checkResponse(method: string, path: string, status: number, body: unknown): string | undefined {
    const v = this.#compile(`${method} ${path} ${status}`, this.responseSchema(method, path, status));
    return v(body) ? undefined : this.#ajv.errorsText(v.errors, { dataVar: 'body' });
  }

  /** Errors of `body` against `components.schemas[name]` (or a `components.responses` entry's JSON). */
  checkComponent(name: string, body: unknown): string | undefined {
    const v = this.#compile(`component ${name}`, { $ref: `#/components/schemas/${name}` });
    return v(body) ? undefined : this.#ajv.errorsText(v.errors, { dataVar: 'body' });
  }

  checkSchema(key: string, schema: unknown, body: unknown): string | undefined {
    const v = this.#compile(key, schema);
    return v(body) ? undefined : this.#ajv.errorsText(v.errors, { dataVar: 'body' });
  }
}

/** The AsyncAPI document's payload schema of a message, by its name in components.messages. */
export function messagePayload(asyncDoc: JsonSchema, message: string): unknown {
  const messages = (asyncDoc['components'] as { messages: Record<string, { payload: unknown }> }).messages;
  const m = messages[message];
  if (!m) throw new Error(`message "${message}" is not in the AsyncAPI document`);
  return m.payload;
}
