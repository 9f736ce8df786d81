import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ID_SCHEMA } from './id.pipe';
import { describeValidationInSchemas } from './openapi-validation';

/** The security scheme `@Access` routes declare (src/auth/access.decorator.ts). */
export const BEARER_SCHEME = 'bearer';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Responses = Operation['responses'];
type Parameter = Exclude<NonNullable<Operation['parameters']>[number], { $ref: string }>;

const ERROR_SCHEMA = 'ErrorBody';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** The one error shape of src/common/api-error.ts, as the global filter writes it. */
const errorBodySchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string', description: 'Stable error code (docs/api.md#errors).', example: 'VALIDATION_FAILED' },
    message: { type: 'string', description: 'For people; may change.', example: 'reporterId must match /^[A-Za-z0-9_-]{1,64}$/' },
    details: { type: 'object', additionalProperties: true, description: 'Code-specific facts, e.g. `fields` for VALIDATION_FAILED.' },
  },
};

/**
 * Statuses any route of a kind can answer, with their stable codes (docs/api.md#errors). A
 * route's own `@Api…Response` keeps its description; these codes are added to it.
 */
const GUARDED: Record<string, string> = {
  '401': 'AUTH_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID: no valid bearer token.',
  '403': "ROLE_FORBIDDEN: the token holds none of the route's roles (x-roles).",
};
const EVERY_ROUTE: Record<string, string> = {
  '500': 'INTERNAL_ERROR: unexpected; logged with the request id.',
  '503': 'DATABASE_UNAVAILABLE (nothing was changed) or TEMPORAL_UNAVAILABLE.',
};
const WITH_INPUT: Record<string, string> = {
  '400': 'VALIDATION_FAILED (details.fields), INVALID_ID, FORBIDDEN_KEY, MALFORMED_JSON or MALFORMED_REQUEST.',
};
const WITH_BODY: Record<string, string> = {
  '413': 'PAYLOAD_TOO_LARGE: a body over 64 kB.',
  '415': 'UNSUPPORTED_MEDIA_TYPE: the body is not application/json.',
};

/** The document `/docs-json` serves and `npm run openapi` writes to docs/openapi.json. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Report lifecycle API')
    .setDescription('File reports on chat content, review them, and follow their durable lifecycle (rules R1-R10).')
    .setVersion('0.1.0')
    .setLicense('UNLICENSED', 'https://choosealicense.com/no-permission/')
    .addServer('/', 'The origin serving this document (npm start: http://localhost:3000)')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A JWT with `sub`, `roles` and `exp` (npm run token).' }, BEARER_SCHEME)
    .build();
  describeValidationInSchemas();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  return completeDocument(document);
}

/** Adds what every route shares, derived from each operation's own decorators. */
export function completeDocument(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, [ERROR_SCHEMA]: errorBodySchema } };
  const bodies = new Set<string>();
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      completeOperation(operation);
      const body = operation.requestBody && 'content' in operation.requestBody ? operation.requestBody.content['application/json'] : undefined;
      const ref = body?.schema && '$ref' in body.schema ? body.schema.$ref : undefined;
      if (ref) bodies.add(ref.replace('#/components/schemas/', ''));
    }
  }
  closeBodies(document, bodies);
  return document;
}

/** The ValidationPipe refuses unknown properties (forbidNonWhitelisted), nested DTOs included. */
function closeBodies(document: OpenAPIObject, names: Set<string>): void {
  const schemas = document.components?.schemas ?? {};
  const pending = [...names];
  while (pending.length > 0) {
    const schema = schemas[pending.pop() as string];
    if (!schema || '$ref' in schema || schema.additionalProperties !== undefined) continue;
    schema.additionalProperties = false;
    for (const match of JSON.stringify(schema.properties ?? {}).matchAll(/#\/components\/schemas\/(\w+)/g)) pending.push(match[1]);
  }
}

/**
 * Every path parameter is an id read through IdPipe (a route with another kind of path
 * parameter would accept what this refuses, which Schemathesis reports). A header both read
 * with @Headers (lower case, untyped, "required") and described with @ApiHeader is one header:
 * the @ApiHeader entry stays.
 */
function describeParameters(operation: Operation): void {
  const parameters = (operation.parameters ?? []).filter((parameter): parameter is Parameter => !('$ref' in parameter));
  const described = new Set(parameters.filter((p) => p.in === 'header' && p.description).map((p) => p.name.toLowerCase()));
  operation.parameters = parameters.filter((p) => p.in !== 'header' || p.description || !described.has(p.name.toLowerCase()));
  for (const parameter of parameters) {
    // A route with another id format (e.g. case ids) says so with @ApiParam({ schema }).
    if (parameter.in !== 'path' || (parameter.schema && 'pattern' in parameter.schema)) continue;
    parameter.schema = { ...ID_SCHEMA };
  }
}

function completeOperation(operation: Operation): void {
  describeParameters(operation);
  const guarded = (operation.security ?? []).some((requirement) => BEARER_SCHEME in requirement);
  if (!guarded) operation.security = [];
  operation.summary ??= summaryOf(operation.operationId ?? '');
  const hasInput = (operation.parameters ?? []).length > 0 || operation.requestBody !== undefined;
  const shared = {
    ...(guarded ? GUARDED : {}),
    ...(hasInput ? WITH_INPUT : {}),
    ...(operation.requestBody ? WITH_BODY : {}),
    ...EVERY_ROUTE,
  };
  for (const [status, codes] of Object.entries(shared)) addCodes(operation.responses, status, codes);
  for (const [status, response] of Object.entries(operation.responses)) {
    if (!response || Number(status) < 400 || '$ref' in response) continue;
    response.content ??= { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}` } } };
  }
}

function addCodes(responses: Responses, status: string, codes: string): void {
  const existing = responses[status];
  if (existing && '$ref' in existing) return;
  responses[status] = { ...existing, description: existing?.description ? `${existing.description}; ${codes}` : codes };
}

/** `Cases_claim` → `Claim` (cases): a route without `@ApiOperation` still gets a summary. */
function summaryOf(operationId: string): string {
  const [controller = '', method = operationId] = operationId.split('_');
  const words = method.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} (${controller.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()})`;
}
