import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { type AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ROLES, Role } from '../../src/auth/roles';
import { tokenFor } from '../support/auth';
import { RouteInfo, listRoutes } from '../support/routes';
import { TestApp, startTestApp } from '../support/test-app';

/**
 * The served OpenAPI document is the truth: every route's real answers without a token and with
 * a token of a role it does not take are declared, with the shared error shape; a method a path
 * does not have answers 405 with Allow; Redocly's recommended ruleset finds no error; and
 * docs/openapi.json is what the app serves (`npm run openapi` rewrites it).
 */
const PUBLISHED = join(__dirname, '..', '..', 'docs', 'openapi.json');
let t: TestApp;
let document: OpenAPIObject;
let routes: RouteInfo[];

beforeAll(async () => {
  t = await startTestApp('openapi', {}, { worker: false });
  document = (await request(t.app.getHttpServer()).get('/docs-json').expect(200)).body as OpenAPIObject;
  // Routes the document leaves out on purpose (@ApiExcludeController): the console's files, Prometheus.
  routes = listRoutes(t.app).filter((route) => !/^\/(console|metrics)(\/|$)/.test(route.path));
}, 60_000);

afterAll(async () => {
  await t?.close();
});

type Operation = { security?: Record<string, string[]>[]; responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> };

function operationOf(route: RouteInfo): Operation | undefined {
  const path = route.path.replace(/:(\w+)/g, '{$1}');
  return (document.paths[path] as Record<string, Operation> | undefined)?.[route.method.toLowerCase()];
}

function call(route: RouteInfo, token?: string) {
  const path = route.path.replace(/:(\w+)/g, 'missing-$1');
  const req = request(t.app.getHttpServer())[route.method.toLowerCase() as 'get'](path);
  return token ? req.set('Authorization', `Bearer ${token}`) : req;
}

function expectDeclared(route: RouteInfo, status: number): void {
  const declared = Object.keys(operationOf(route)?.responses ?? {});
  expect({ route: `${route.method} ${route.path}`, status, declared: declared.includes(String(status)) }).toEqual({
    route: `${route.method} ${route.path}`,
    status,
    declared: true,
  });
}

test('every route the app serves is in the document', () => {
  const missing = routes.filter((route) => !operationOf(route)).map((route) => `${route.method} ${route.path}`);
  expect(missing).toEqual([]);
  expect(routes.length).toBeGreaterThan(30);
});

test('a route answering 401 without a token declares bearer security and 401; public ones declare none', async () => {
  for (const route of routes) {
    const answer = await call(route);
    const security = operationOf(route)?.security ?? [];
    if (answer.status === 401) {
      expect({ route: route.path, security }).toEqual({ route: route.path, security: [{ bearer: [] }] });
      expectDeclared(route, 401);
    } else {
      expect({ route: route.path, status: answer.status, security }).toEqual({ route: route.path, status: answer.status, security: [] });
    }
  }
});

test('a token of a role the route does not take answers a declared 403', async () => {
  const tokens = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await tokenFor(role, `contract-${role}`)])));
  for (const route of routes) {
    for (const role of ROLES as readonly Role[]) {
      const answer = await call(route, tokens[role]);
      if (answer.status === 403 && (answer.body as { code?: string }).code === 'ROLE_FORBIDDEN') expectDeclared(route, 403);
    }
  }
});

test('every operation declares its success answer', () => {
  const without = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>)
      .filter(([, operation]) => !Object.keys(operation.responses).some((status) => status.startsWith('2')))
      .map(([method]) => `${method} ${path}`),
  );
  expect(without).toEqual([]);
});

test('a body with an unknown property is refused, and the document says so (additionalProperties: false)', async () => {
  const answer = await t.http().post('/v1/users').send({ displayName: 'Ann', nickname: 'a' }).expect(400);
  expect(answer.body.code).toBe('VALIDATION_FAILED');
  const body = (document.paths['/v1/users']?.post?.requestBody as { content: Record<string, { schema: { $ref: string } }> }).content['application/json']?.schema
    .$ref;
  const schema = document.components?.schemas?.[String(body).split('/').pop() as string] as { additionalProperties?: unknown };
  expect(schema.additionalProperties).toBe(false);
});

test('every declared error answer has the shared error shape', () => {
  const bare: string[] = [];
  // /health/live and /health/ready answer terminus's own documented shape (the probes' format).
  for (const [path, item] of Object.entries(document.paths).filter(([path]) => !path.startsWith('/health/'))) {
    for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        const ref = response.content?.['application/json']?.schema?.$ref;
        if (Number(status) >= 400 && ref !== '#/components/schemas/ErrorBody') bare.push(`${method} ${path} ${status}`);
      }
    }
  }
  expect(bare).toEqual([]);
});

test('a method a path does not have answers 405 with Allow and the error shape; an unknown path 404', async () => {
  const server = t.app.getHttpServer();
  const trace = await request(server).trace('/health').expect(405);
  expect(trace.headers.allow).toBe('GET, HEAD');
  const del = await request(server).delete('/v1/report-reasons').expect(405);
  expect(del.headers.allow).toBe('GET, HEAD');
  expect(del.body).toEqual({ code: 'METHOD_NOT_ALLOWED', message: expect.any(String) });
  const unknown = await request(server).get('/v1/no-such-route').expect(404);
  expect(unknown.body.code).toBe('ROUTE_NOT_FOUND');
});

test('Redocly CLI lint with the recommended ruleset finds no error', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'openapi.json');
  writeFileSync(file, JSON.stringify(document));
  const redocly = join(__dirname, '..', '..', 'node_modules', '.bin', 'redocly');
  const lint = await promisify(execFile)(redocly, ['lint', '--extends', 'recommended', '--format', 'stylish', file], { timeout: 60_000 }).catch(
    (error: { stdout?: string; stderr?: string; code?: number }) => error,
  );
  expect({ exit: 'code' in lint ? lint.code : 0, output: `${lint.stdout}${lint.stderr}` }).toEqual({ exit: 0, output: expect.any(String) });
}, 90_000);

test('docs/openapi.json is the served document (npm run openapi rewrites it)', () => {
  const served = `${JSON.stringify(document, null, 2)}\n`;
  if (process.env.WRITE_OPENAPI === '1') writeFileSync(PUBLISHED, served);
  expect(readFileSync(PUBLISHED, 'utf8')).toBe(served);
});

test('null for an optional body field is refused, as the document (type: string, not nullable) says', async () => {
  const answer = await t.http().post('/v1/users').send({ displayName: 'Ann', userId: null }).expect(400);
  expect(answer.body.code).toBe('INVALID_ID');
  const schema = document.components?.schemas?.CreateUserDto as { properties: Record<string, { nullable?: boolean }> };
  expect(schema.properties.userId?.nullable).toBeUndefined();
});

test("a request Node's parser refuses is answered with the error shape, not a bare 400", async () => {
  await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const raw = await new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('GET /health HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n'));
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
  expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
  expect(raw).toMatch(/content-type: application\/json/i);
  expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toEqual({ code: 'MALFORMED_REQUEST', message: expect.any(String) });
});
