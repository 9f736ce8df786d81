import { Controller, Get, INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { Access } from '../../src/auth/access.decorator';
import { AuthModule } from '../../src/auth/auth.module';
import { AcceptsCodecSessionCookie } from '../../src/auth/codec-session-cookie';
import { HttpExceptionFilter } from '../../src/common/http-exception.filter';
import { bearer } from '../support/auth';

@Controller('probe')
class ProbeController {
  @Get('forgotten')
  forgotten() {
    return { leaked: true };
  }

  @Get('guarded')
  @Access('support')
  guarded() {
    return { ok: true };
  }

  @Get('cookie')
  @Access('support')
  @AcceptsCodecSessionCookie()
  cookie() {
    return { ok: true };
  }
}

let app: INestApplication;

beforeAll(async () => {
  const moduleRef = await Test.createTestingModule({ imports: [AuthModule], controllers: [ProbeController] }).compile();
  app = moduleRef.createNestApplication();
  app.useGlobalFilters(new HttpExceptionFilter());
  await app.init();
});

afterAll(() => app.close());

test('a route without an access rule is closed, even to a caller holding every role', async () => {
  const res = await request(app.getHttpServer())
    .get('/probe/forgotten')
    .set('Authorization', await bearer())
    .expect(403);
  expect(res.body).toEqual({ code: 'ACCESS_RULE_MISSING', message: expect.any(String) });
});

test('a guarded route lets its role in and tells others which roles it needs', async () => {
  await request(app.getHttpServer())
    .get('/probe/guarded')
    .set('Authorization', await bearer('support'))
    .expect(200, { ok: true });
  const denied = await request(app.getHttpServer())
    .get('/probe/guarded')
    .set('Authorization', await bearer('app'))
    .expect(403);
  expect(denied.body).toMatchObject({ code: 'ROLE_FORBIDDEN', message: expect.stringContaining('support') });
  const anonymous = await request(app.getHttpServer()).get('/probe/guarded').expect(401);
  expect(anonymous.headers['www-authenticate']).toBe('Bearer');
});

test('the API refuses to start without a way to verify tokens', () => {
  const { AuthConfig } = jest.requireActual('../../src/auth/auth-config');
  expect(() => new AuthConfig({})).toThrow(/AUTH_JWT_SECRET or AUTH_JWKS_URL is required/);
  expect(() => new AuthConfig({ AUTH_JWT_SECRET: 'short' })).toThrow(/at least 32 bytes/);
  const jwks = { AUTH_JWKS_URL: 'https://idp.example/.well-known/jwks.json', AUTH_ISSUER: 'https://idp.example/', AUTH_AUDIENCE: 'reports' };
  expect(() => new AuthConfig(jwks)).not.toThrow();
});

test('a codec session cookie that is not percent-encoded text is a 400 with a stable code', async () => {
  const res = await request(app.getHttpServer()).get('/probe/cookie').set('Cookie', 'codec_session=%E0%A4%A').expect(400);
  expect(res.body).toEqual({ code: 'MALFORMED_SESSION_COOKIE', message: expect.any(String) });
});
