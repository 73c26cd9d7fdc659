/**
 * The one fake allowed: a local HTTP server (127.0.0.1 only) standing in for GitHub and GitLab, with
 * answers scripted per test in the published response shapes. It records every request (method,
 * path, query, body, and whether credentials came, never their value) so tests assert what was sent.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

export type Answer =
  { status: number; json?: unknown; text?: string; headers?: Record<string, string>; raw?: string } | 'hang';

type Handler = (request: Recorded, server: StandIn) => Answer;

export class StandIn {
  readonly requests: Recorded[] = [];
  private readonly routes: { method: string; pattern: RegExp; handler: Handler }[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly waiters: { match: (r: Recorded) => boolean; resolve: (r: Recorded) => void }[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.handle(request, response));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    this.url = `http://127.0.0.1:${address.port}`;
    return this;
  }

  /** Answer `method path` (path is a regular expression source matched against the whole path). */
  on(method: string, path: string, handler: Handler | Answer): this {
    const fn: Handler = typeof handler === 'function' ? handler : () => handler;
    // Later routes win, so a test can override a default answer.
    this.routes.unshift({ method, pattern: new RegExp(`^${path}$`), handler: fn });
    return this;
  }

  /** Answer with each of `answers` in turn, repeating the last. */
  sequence(method: string, path: string, answers: Answer[]): this {
    let index = 0;
    return this.on(method, path, () => answers[Math.min(index++, answers.length - 1)]!);
  }

  count(method: string, path: string): number {
    const pattern = new RegExp(`^${path}$`);
    return this.requests.filter((r) => r.method === method && pattern.test(r.path)).length;
  }

  /** Resolves when a matching request has arrived (now or later). */
  waitForRequest(match: (request: Recorded) => boolean): Promise<Recorded> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  private async handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    const recorded: Recorded = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body,
      headers: request.headers,
    };
    this.requests.push(recorded);
    const route = this.routes.find((r) => r.method === recorded.method && r.pattern.test(recorded.path));
    const answer: Answer = route ? route.handler(recorded, this) : { status: 404, json: { message: 'Not Found' } };
    for (const waiter of [...this.waiters])
      if (waiter.match(recorded)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(recorded);
      }
    if (answer === 'hang') return; // the socket stays open until the client gives up or the server stops
    const headers: Record<string, string> = { ...answer.headers };
    let payload = '';
    if (answer.raw !== undefined) {
      payload = answer.raw;
      headers['content-type'] ??= 'application/json; charset=utf-8';
    } else if (answer.json !== undefined) {
      payload = JSON.stringify(answer.json);
      headers['content-type'] ??= 'application/json; charset=utf-8';
    } else if (answer.text !== undefined) {
      payload = answer.text;
      headers['content-type'] ??= 'text/plain; charset=utf-8';
    }
    response.writeHead(answer.status, headers);
    response.end(answer.status === 304 || answer.status === 204 ? undefined : payload);
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
