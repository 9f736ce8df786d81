import { findFreePort } from '../../scripts/lib/local-servers';
import { TestApp, startTestApp } from '../support/test-app';

let up: TestApp;
let temporalDown: TestApp;

beforeAll(async () => {
  up = await startTestApp('health-up');
  // The API's client points at a port nobody listens on; its database is fine.
  temporalDown = await startTestApp('health-down', { TEMPORAL_ADDRESS: `127.0.0.1:${await findFreePort()}` });
});

afterAll(async () => {
  await temporalDown?.close();
  await up?.close();
});

describe('health endpoints', () => {
  test('ready answers 200 in the terminus shape when Temporal and Mongo answer', async () => {
    const res = await up.http().get('/health/ready').expect(200);
    expect(res.body).toEqual({
      status: 'ok',
      info: { temporal: { status: 'up' }, mongo: { status: 'up' } },
      error: {},
      details: { temporal: { status: 'up' }, mongo: { status: 'up' } },
    });
  });

  test('ready answers 503 naming Temporal when it does not answer, while live stays 200', async () => {
    const res = await temporalDown.http().get('/health/ready').expect(503);
    expect(res.body.status).toBe('error');
    expect(Object.keys(res.body.error)).toEqual(['temporal']);
    expect(res.body.info).toEqual({ mongo: { status: 'up' } });
    await temporalDown.http().get('/health/live').expect(200, { status: 'ok', info: {}, error: {}, details: {} });
  });

  test('the summary at /health keeps its shape', async () => {
    await up.http().get('/health').expect(200, { status: 'ok', temporal: 'up', mongo: 'up' });
    await temporalDown.http().get('/health').expect(503, { status: 'unavailable', temporal: 'down', mongo: 'up' });
  });

  test('/metrics counts answers by route template, not by URL', async () => {
    await up.http().get('/v1/reports/rpt_missing').expect(404);
    const text = (await up.http().get('/metrics').expect(200)).text;
    expect(text).toMatch(/^http_requests_total\{method="GET",route="\/v1\/reports\/:reportId",status="404"\} 1$/m);
    expect(text).not.toContain('rpt_missing');
  });

  test('every answer carries a request id; the caller X-Request-Id is kept for tracing across replicas', async () => {
    const generated = await up.http().get('/health/live').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    await up.http().get('/health/live').set('X-Request-Id', 'lb-7f3a').expect('X-Request-Id', 'lb-7f3a');
  });
});
