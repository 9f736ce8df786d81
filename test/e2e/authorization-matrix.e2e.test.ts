import { SignJWT } from 'jose';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { mintToken } from '../../src/auth/mint-token';
import { ROLES } from '../../src/auth/roles';
import { TEST_JWT_SECRET, tokenFor } from '../support/auth';
import { RouteInfo, listRoutes } from '../support/routes';
import { TestApp, startTestApp } from '../support/test-app';

/**
 * The authorization matrix, generated from the routes themselves: every route is called with
 * no token, an expired token, a token signed with another key, and a token of each role, and
 * must answer what its @Access rule says. A route without a rule fails the first test.
 */
let t: TestApp;
let routes: RouteInfo[];
const tokens: Record<string, string> = {};
let checked = 0;

beforeAll(async () => {
  t = await startTestApp('auth-matrix', {}, { worker: false });
  routes = listRoutes(t.app);
  for (const role of ROLES) tokens[role] = await tokenFor(role, `matrix-${role}`);
  tokens.expired = await new SignJWT({ roles: [...ROLES] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('matrix-expired')
    .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
    .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
    .sign(new TextEncoder().encode(TEST_JWT_SECRET));
  tokens.wrongKey = await mintToken(randomBytes(32).toString('base64url'), { sub: 'matrix-forger', roles: [...ROLES] });
  tokens.noRoles = await mintToken(TEST_JWT_SECRET, { sub: 'matrix-nobody', roles: [] });
}, 60_000);

afterAll(async () => {
  process.stdout.write(`authorization matrix: ${routes.length} routes, ${checked} calls checked\n`);
  await t?.close();
});

function call(route: RouteInfo, token?: string) {
  // Path parameters get well-formed ids of records that do not exist: the answer is the guard's or a 4xx.
  const path = route.path.replace(/:[A-Za-z]+/g, 'matrix-x1');
  const req = request(t.app.getHttpServer())[route.method.toLowerCase() as 'get'](path);
  if (token) req.set('Authorization', `Bearer ${token}`);
  return route.method === 'GET' || route.method === 'DELETE' ? req : req.send({});
}

test('every route states who may call it', () => {
  expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(['POST /v1/reports', 'GET /v1/moderation/queue', 'GET /health']));
  expect(routes.filter((r) => !r.rule).map((r) => `${r.method} ${r.path}`)).toEqual([]);
});

test('only health checks are public', () => {
  const publicRoutes = routes.filter((r) => r.rule?.public).map((r) => r.path);
  expect(publicRoutes.length).toBeGreaterThan(0);
  for (const path of publicRoutes) expect(path).toMatch(/^\/health(\/|$)|^\/console(\/|$)/);
});

test('without a valid token every protected route answers 401 with a stable code', async () => {
  for (const route of routes.filter((r) => r.rule && !r.rule.public)) {
    const cases: Array<[string | undefined, string]> = [
      [undefined, 'AUTH_REQUIRED'],
      [tokens.expired, 'TOKEN_EXPIRED'],
      [tokens.wrongKey, 'TOKEN_INVALID'],
      [tokens.noRoles, 'TOKEN_INVALID'],
      ['not.a.jwt', 'TOKEN_INVALID'],
    ];
    for (const [token, code] of cases) {
      const res = await call(route, token);
      checked++;
      expect({ route: `${route.method} ${route.path}`, status: res.status, code: res.body.code }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
        code,
      });
    }
  }
});

test('each role reaches exactly the routes its rule names, and no route answers 5xx', async () => {
  for (const route of routes.filter((r) => r.rule)) {
    for (const role of ROLES) {
      const res = await call(route, tokens[role]);
      checked++;
      const allowed = route.rule!.public || route.rule!.roles.includes(role);
      const seen = { route: `${route.method} ${route.path}`, role, status: res.status, code: res.body?.code };
      if (allowed) {
        expect(seen.status).toBeLessThan(500);
        expect(res.status === 401 || res.body?.code === 'ROLE_FORBIDDEN').toBe(false);
      } else {
        expect(seen).toEqual({ ...seen, status: 403, code: 'ROLE_FORBIDDEN' });
      }
    }
  }
});
