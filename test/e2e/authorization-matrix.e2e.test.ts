import { SignJWT } from 'jose';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { mintToken } from '../../src/auth/mint-token';
import { ROLES, Role } from '../../src/auth/roles';
import { TEST_JWT_SECRET, tokenFor } from '../support/auth';
import { RouteInfo, listRoutes } from '../support/routes';
import { TestApp, startTestApp } from '../support/test-app';

/**
 * The authorization matrix: every served route is called with no token, an expired token, a
 * token signed with another key, and a token of each role, and must answer what the table below
 * says. The table is written by hand from the API's contract (docs/api.md), not read from the
 * `@Access` metadata the guard enforces, so a route given the wrong roles fails here. A served
 * route missing from the table fails too: a new route needs its roles written down.
 */
type Expected = 'public' | readonly Role[];
const SUPPORT: Expected = ['support'];
const MODERATOR: Expected = ['moderator'];
const APP: Expected = ['app'];
const APP_SUPPORT: Expected = ['app', 'support'];
const STAFF: Expected = ['moderator', 'support'];
const EVERYONE: Expected = ['app', 'moderator', 'support'];
const EXPECTED: Record<string, Expected> = {
  'GET /health': 'public',
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /console': 'public',
  'GET /console/settings.json': 'public',
  'GET /console/:asset': 'public',
  'GET /metrics': SUPPORT,
  'POST /v1/users': APP,
  'GET /v1/users/:userId': APP_SUPPORT,
  'POST /v1/users/:userId/friends': APP,
  'GET /v1/users/:userId/friends': APP_SUPPORT,
  'POST /v1/users/:userId/friends/:friendId/hide': APP,
  'DELETE /v1/users/:userId/friends/:friendId': APP,
  'POST /v1/users/:userId/blocks': APP,
  'GET /v1/users/:userId/blocks': APP_SUPPORT,
  'DELETE /v1/users/:userId/blocks/:blockedUserId': APP,
  'POST /v1/chats': APP,
  'POST /v1/chats/:chatId/messages': APP,
  'GET /v1/chats/:chatId': APP,
  'POST /v1/open-chats': APP,
  'POST /v1/open-chats/:openChatId/posts': APP,
  'GET /v1/open-chats/:openChatId/posts': APP,
  'GET /v1/posts/:postId': APP,
  'POST /v1/posts/:postId/comments': APP,
  'GET /v1/report-reasons': EVERYONE,
  'GET /v1/policy-categories': EVERYONE,
  'POST /v1/reports': APP,
  'GET /v1/reports/:reportId': EVERYONE,
  'GET /v1/reports/:reportId/evidence': STAFF,
  'GET /v1/reports/:reportId/evidence/verify': STAFF,
  'GET /v1/reports/:reportId/evidence/access-log': STAFF,
  'GET /v1/reports/:reportId/evidence/export': APP,
  'GET /.well-known/evidence-keys': 'public',
  'POST /v1/evidence/exports/verify': 'public',
  'GET /v1/moderation/queue': MODERATOR,
  'GET /v1/moderation/cases/:caseId': MODERATOR,
  'POST /v1/moderation/cases/:caseId/claim': MODERATOR,
  'POST /v1/moderation/cases/:caseId/unclaim': MODERATOR,
  'POST /v1/moderation/cases/:caseId/approve': MODERATOR,
  'POST /v1/moderation/cases/:caseId/reject': MODERATOR,
  'POST /v1/moderation/cases/:caseId/reopen': MODERATOR,
  'POST /v1/reports/:reportId/approve': MODERATOR,
  'POST /v1/reports/:reportId/reject': MODERATOR,
  'GET /v1/moderation/reporters/:userId': MODERATOR,
  'GET /v1/moderation/appeals': MODERATOR,
  'GET /v1/moderation/users/:userId/history': MODERATOR,
  'POST /v1/moderation/appeals/:appealId/decide': MODERATOR,
  'GET /v1/cs/tickets': SUPPORT,
  'GET /v1/cs/tickets/:ticketId': SUPPORT,
  'POST /v1/cs/tickets/:ticketId/resolve': SUPPORT,
  'POST /v1/cs/sanctions/:sanctionId/lift': SUPPORT,
  'POST /codec/decode': SUPPORT,
  'POST /codec/encode': SUPPORT,
  'POST /codec/session': SUPPORT,
  'DELETE /codec/session': SUPPORT,
  'GET /v1/codec/access-log': SUPPORT,
  'GET /v1/users/:userId/notices': APP_SUPPORT,
  'GET /v1/notices/:noticeId': SUPPORT,
  'GET /v1/users/:userId/restrictions': APP_SUPPORT,
  'POST /v1/users/:userId/restrictions/:sanctionId/appeal': APP,
};

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

const nameOf = (route: RouteInfo) => `${route.method} ${route.path}`;
const expectedOf = (route: RouteInfo): Expected => EXPECTED[nameOf(route)];

test('every served route has its roles written down, and every written route is served', () => {
  const served = routes.map(nameOf);
  expect(served.filter((name) => !(name in EXPECTED))).toEqual([]);
  expect(Object.keys(EXPECTED).filter((name) => !served.includes(name))).toEqual([]);
});

test('only health checks, the console page and the evidence-export keys and check (R6) are public', () => {
  const publicRoutes = routes.filter((r) => r.rule?.public).map(nameOf);
  expect(publicRoutes.sort()).toEqual(
    routes
      .filter((r) => expectedOf(r) === 'public')
      .map(nameOf)
      .sort(),
  );
  for (const name of publicRoutes)
    expect(name).toMatch(/^(GET (\/health(\/|$)|\/console(\/|$)|\/\.well-known\/evidence-keys$)|POST \/v1\/evidence\/exports\/verify$)/);
});

test('without a valid token every protected route answers 401 with a stable code', async () => {
  for (const route of routes.filter((r) => expectedOf(r) !== 'public')) {
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

test('each role reaches exactly the routes the table names for it, and no route answers 5xx', async () => {
  for (const route of routes.filter((r) => expectedOf(r))) {
    const expected = expectedOf(route);
    for (const role of ROLES) {
      const res = await call(route, tokens[role]);
      checked++;
      const allowed = expected === 'public' || expected.includes(role);
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
