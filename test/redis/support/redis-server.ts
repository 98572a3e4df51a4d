/**
 * A throwaway redis-server for the Redis store tests: a free local port, no persistence, killed
 * after the file. Missing binary: CI fails with a clear message, a local run skips saying how to
 * install it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';

const BIN = process.env.REDIS_SERVER_BIN ?? 'redis-server';
export const INSTALL_HINT = 'install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) or set REDIS_SERVER_BIN';

export const hasRedisServer = spawnSync(BIN, ['--version'], { stdio: 'ignore' }).status === 0;
/** In CI a missing binary is a failure, never a silent skip. */
export const mustFailForMissingRedis = !hasRedisServer && !!process.env.CI;
if (!hasRedisServer && !process.env.CI) console.warn(`[test/redis] skipped: ${BIN} not found; ${INSTALL_HINT}`);
export const missingRedisMessage = `${BIN} not found but CI is set: .ci/run must install redis-server (${INSTALL_HINT})`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface RedisServer {
  url: string;
  /** A new connection (closed by `stop`). */
  connect(): Promise<Redis>;
  stop(): Promise<void>;
}

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const proc: ChildProcess = spawn(BIN, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start on port ${port}: ${out}`)), 10_000);
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}): ${out}`));
    });
  });
  const url = `redis://127.0.0.1:${port}`;
  const clients: Redis[] = [];
  return {
    url,
    async connect() {
      const c = new Redis(url, { maxRetriesPerRequest: 1 });
      clients.push(c);
      return c;
    },
    async stop() {
      await Promise.all(clients.map((c) => c.quit().catch(() => c.disconnect())));
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/**
 * One throwaway server and two connections to it (two "processes") for a describe block:
 * `set` receives them in beforeAll; the server stops in afterAll.
 */
export function useTwoConnections(set: (server: RedisServer, a: Redis, b: Redis) => void): void {
  let server: RedisServer | undefined;
  beforeAll(async () => {
    server = await startRedisServer();
    set(server, await server.connect(), await server.connect());
  });
  afterAll(() => server?.stop());
}
