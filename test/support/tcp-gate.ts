import { AddressInfo, Server, Socket, connect, createServer } from 'node:net';

/**
 * A port in front of a real server that drops every connection until it is opened: the
 * server as its clients see it while it is down, and once it is back.
 */
export class TcpGate {
  private open = false;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    private readonly target: { host: string; port: number },
  ) {
    server.on('connection', (socket) => this.accept(socket));
  }

  /** A closed gate to `target` (`host:port`) on a free local port. */
  static async listen(target: string): Promise<TcpGate> {
    const [host, port] = target.split(':');
    const gate = new TcpGate(createServer(), { host, port: Number(port) });
    await new Promise<void>((resolve) => gate.server.listen(0, '127.0.0.1', resolve));
    return gate;
  }

  get address(): string {
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** From now on, connections reach the server. */
  openUp(): void {
    this.open = true;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    if (!this.open) {
      client.destroy();
      return;
    }
    const upstream = connect(this.target.port, this.target.host);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }
}
