import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Requests Node's HTTP parser refuses before any route sees them (a malformed header, headers
 * over the size limit, a request too slow to arrive) get the one error shape too, instead of
 * Node's bare `400` without a body. Nothing was read, so nothing was changed.
 */
export function answerUnparsableRequests(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A connection the client dropped, or one already answered: nothing to write to.
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, code] = refusalOf(error.code);
    const body = JSON.stringify({ code, message: `The request could not be read (${error.code ?? 'parse error'}).` });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

function refusalOf(nodeCode: string | undefined): [number, string] {
  if (nodeCode === 'HPE_HEADER_OVERFLOW') return [431, 'HEADERS_TOO_LARGE'];
  if (nodeCode === 'ERR_HTTP_REQUEST_TIMEOUT') return [408, 'REQUEST_TIMEOUT'];
  return [400, 'MALFORMED_REQUEST'];
}
