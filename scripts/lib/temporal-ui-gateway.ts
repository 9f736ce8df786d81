/**
 * The Temporal Web UI of the dev server and the API's /codec on one origin, for the embedded
 * default. The CLI starts its UI with a codec endpoint only (`--ui-codec-endpoint`; it has no
 * flag for "include credentials" or "pass access token"), so the UI calls the codec with
 * fetch's default credentials mode: a browser then sends cookies only to the page's own origin.
 * Served from here, the support session cookie (HttpOnly, Path=/codec) rides along on the UI's
 * codec calls, with no UI setting to edit and no cross-origin request at all.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningServer } from './child-process';

export interface TemporalUiGatewayOptions {
  /** Where the gateway listens: the UI's public port (8233 in `npm start`). */
  port: number;
  ip?: string;
  /** The dev server's own UI (an internal port). */
  uiUpstream: { host: string; port: number };
  /** The API, which serves /codec. */
  apiUpstream: { host: string; port: number };
}

const CODEC_PATH = /^\/codec(\/|\?|$)/;

export async function startTemporalUiGateway(o: TemporalUiGatewayOptions): Promise<RunningServer & { port: number }> {
  const server = http.createServer((request, response) => {
    const upstream = CODEC_PATH.test(request.url ?? '') ? o.apiUpstream : o.uiUpstream;
    // Host and cookies pass unchanged: the UI server and the API see what the browser sent.
    const forward = http.request({ ...upstream, method: request.method, path: request.url, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    forward.on('error', (error) => {
      if (response.headersSent) return void response.destroy(error);
      response
        .writeHead(502, { 'content-type': 'text/plain; charset=utf-8' })
        .end(`Temporal UI gateway: ${upstream.host}:${upstream.port} did not answer (${error.message})\n`);
    });
    request.pipe(forward);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(o.port, o.ip ?? '127.0.0.1', resolve));
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }));
  return { name: 'temporal ui gateway', pid: process.pid, stop, port: (server.address() as AddressInfo).port };
}
