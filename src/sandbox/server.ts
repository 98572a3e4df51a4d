import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ValidationError } from '../errors/classes.js';
import { realClock, scaleOf, type SandboxClock } from './clock.js';
import { Faults, type FaultPlan } from './faults.js';
import { SandboxLimits } from './limits.js';
import type { SandboxContext, SandboxModule } from './module.js';
import { seededRandom } from './random.js';
import { Router, type SandboxRequest, type SandboxResponse } from './router.js';

export interface SandboxOptions {
  /** Marketplace modules, e.g. { amazon: amazonSandbox(), shopee: shopeeSandbox() }. */
  marketplaces: Record<string, SandboxModule<any>>;
  seed?: number;
  /**
   * Rate plans and marketplace delays run this many times faster than the real marketplace, on
   * the sandbox clock (demos, benchmarks). Not with a compressed `clock`: that one already is.
   */
  timeScale?: number;
  faults?: FaultPlan;
  /** The marketplaces' clock (default real time); `marketplaceClock({ scale })` compresses a day. */
  clock?: SandboxClock;
}

export interface RunningSandbox {
  urls: Record<string, string>;
  /** Each module's in-memory state. */
  state: Record<string, unknown>;
  modules: Record<string, SandboxModule<any>>;
  faults: Faults;
  limits: Record<string, SandboxLimits>;
  /** Requests seen per module (method + path), for tests and benchmarks. */
  requests: Record<string, Array<{ method: string; path: string; status: number }>>;
  close(): Promise<void>;
}

/** Starts one loopback HTTP server per marketplace module on a random port. */
export async function startSandbox(opts: SandboxOptions): Promise<RunningSandbox> {
  const clock = opts.clock ?? realClock;
  // Limits and delays are in the clock's time: a compressed clock times a time scale would compound.
  if (scaleOf(clock) !== 1 && (opts.timeScale ?? 1) !== 1) throw new ValidationError({ message: 'timeScale must be 1 (or absent) with a compressed clock', path: 'timeScale' });
  const faults = new Faults(opts.faults);
  const servers: http.Server[] = [];
  const urls: Record<string, string> = {};
  const state: Record<string, unknown> = {};
  const limits: Record<string, SandboxLimits> = {};
  const requests: RunningSandbox['requests'] = {};
  for (const [name, module] of Object.entries(opts.marketplaces)) {
    const router = new Router();
    const lim = new SandboxLimits(clock, opts.timeScale ?? 1);
    let baseUrl = '';
    const ctx: SandboxContext = { clock, limits: lim, faults, random: seededRandom(opts.seed ?? 42), timeScale: opts.timeScale ?? 1, baseUrl: () => baseUrl };
    module.install(router, ctx);
    requests[name] = [];
    const server = http.createServer((req, res) => void handle(module, router, faults, req, res, requests[name]!));
    server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    urls[name] = baseUrl;
    state[name] = module.state;
    limits[name] = lim;
    servers.push(server);
  }
  return {
    urls, state, faults, limits, requests, modules: opts.marketplaces,
    close: async () => {
      await Promise.all(servers.map((s) => new Promise<void>((r) => { s.closeAllConnections(); s.close(() => r()); })));
    },
  };
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function handle(module: SandboxModule, router: Router, faults: Faults, req: http.IncomingMessage, res: http.ServerResponse, log: RunningSandbox['requests'][string]) {
  const url = new URL(req.url ?? '/', 'http://sandbox');
  const method = req.method ?? 'GET';
  const rawBody = await readBody(req);
  const latency = faults.latency();
  if (latency) await new Promise((r) => setTimeout(r, latency));
  const fault = faults.decide(method, url.pathname);
  if (fault === 'reset-before') return void req.socket.destroy();
  let out: SandboxResponse;
  if (fault === '429') out = module.throttled(1000);
  else if (fault === '5xx') out = module.serverError();
  else {
    const match = router.match(method, url.pathname);
    if (!match) out = { status: 404, body: { message: `sandbox: no route for ${method} ${url.pathname}` } };
    else {
      const sreq: SandboxRequest = {
        method, path: url.pathname, query: url.searchParams, headers: req.headers, rawBody, params: match.params,
        json: <T>() => parseJson<T>(rawBody),
        form: () => new URLSearchParams(rawBody.toString('utf8')),
      };
      try {
        out = await match.handler(sreq);
      } catch (e) {
        out = { status: 500, body: { message: `sandbox handler failed: ${(e as Error).message}` } };
      }
    }
  }
  log.push({ method, path: url.pathname, status: out.status });
  if (fault === 'reset-after') return void req.socket.destroy();
  send(res, out);
}

function parseJson<T>(raw: Buffer): T | undefined {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

function send(res: http.ServerResponse, out: SandboxResponse) {
  const headers = { ...(out.headers ?? {}) };
  let payload: string | Buffer | undefined;
  if (Buffer.isBuffer(out.body)) payload = out.body;
  else if (typeof out.body === 'string') payload = out.body;
  else if (out.body !== undefined) {
    payload = JSON.stringify(out.body);
    headers['content-type'] ??= 'application/json';
  }
  res.writeHead(out.status, headers);
  res.end(payload);
}
