import Ajv, { type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

// The component schemas are held as one schema's definitions; the document's local refs point there.
const DOCUMENT_ID = 'https://report-lifecycle.invalid/openapi.json';
const LOCAL_REF = '"#/components/schemas/';
// RFC 3339 date-time, as JSON.stringify writes a Date (and as `format: date-time` promises).
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The published document (docs/openapi.json): what generated clients are built from. */
export function publishedDocument(): JsonObject {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', 'docs', 'openapi.json'), 'utf8')) as JsonObject;
}

/**
 * OpenAPI 3.0 schemas as JSON Schema, read the way Schemathesis reads them (`nullable` becomes
 * "or null"), and closed: an object schema with properties and no `additionalProperties` of its
 * own refuses other properties, so an answer carrying a field the document does not name (a
 * storage field, a leak) fails as well as one missing a field or with the wrong type.
 */
function asClosedJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(asClosedJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    // Property names are not schemas to convert (a property may well be called `nullable`).
    out[key] = key === 'properties' && value && typeof value === 'object' && !Array.isArray(value) ? convertEach(value) : asClosedJsonSchema(value);
  }
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  if (out.nullable === true) {
    delete out.nullable;
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

function retarget(schema: Json, refPrefix: string): Json {
  return JSON.parse(JSON.stringify(schema).replaceAll(LOCAL_REF, `"${refPrefix}`)) as Json;
}

function convertEach(properties: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, asClosedJsonSchema(schema)]));
}

/** Checks real answers against the response schemas of a document. */
export class AnswerSchemas {
  private readonly ajv = new Ajv({ allErrors: true, strictTypes: false });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly document: JsonObject = publishedDocument()) {
    this.ajv.addKeyword('example');
    this.ajv.addFormat('date-time', (value: string) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)));
    const components = (document.components as JsonObject | undefined) ?? {};
    this.ajv.addSchema({ $id: DOCUMENT_ID, definitions: retarget(asClosedJsonSchema(components.schemas ?? {}), '#/definitions/') });
  }

  /** The JSON schema of `status` for `method path` (a path as the document writes it, e.g. `/v1/reports/{reportId}`). */
  schemaOf(method: string, path: string, status: number): JsonObject {
    const operation = ((this.document.paths as JsonObject)[path] as JsonObject | undefined)?.[method.toLowerCase()] as JsonObject | undefined;
    const response = (operation?.responses as JsonObject | undefined)?.[String(status)] as JsonObject | undefined;
    const schema = ((response?.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined)?.schema;
    if (!schema || typeof schema !== 'object') throw new Error(`${method.toUpperCase()} ${path} declares no JSON schema for ${status}`);
    return schema as JsonObject;
  }

  /** The problems of `body` as the answer `status` of `method path`; empty when it conforms. */
  problems(method: string, path: string, status: number, body: unknown): string[] {
    const key = `${method.toUpperCase()} ${path} ${status}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(retarget(asClosedJsonSchema(this.schemaOf(method, path, status)), `${DOCUMENT_ID}#/definitions/`) as object);
      this.compiled.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${key}: ${e.instancePath || '(body)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
  }
}
