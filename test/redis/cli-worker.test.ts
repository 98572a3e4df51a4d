/**
 * `xborder worker` in process against the demo sandbox (adapters through the package's public
 * subpaths, so it runs on the built dist/ like the other CLI end-to-end tests): it schedules each
 * account's order sync, delivers the demo orders to --out, and stops cleanly on the abort signal
 * (what SIGTERM triggers in the real CLI).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import { startDemoSandbox, type DemoSandbox } from '../../src/sandbox/index.js';
import { hasRedisServer, missingRedisMessage, mustFailForMissingRedis, startRedisServer, type RedisServer } from './support/redis-server.js';

it.runIf(mustFailForMissingRedis)('redis-server is installed in CI', () => {
  throw new Error(missingRedisMessage);
});

const built = existsSync(path.resolve(__dirname, '../../dist/shopee.js'));

async function cli(args: string[], env: Record<string, string>, signal?: AbortSignal) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), env, interactive: false, signal });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe.runIf(hasRedisServer && built)('xborder worker', () => {
  let server: RedisServer;
  let demo: DemoSandbox;
  let dir: string;
  beforeAll(async () => {
    server = await startRedisServer();
    demo = await startDemoSandbox({ marketplaces: ['shopee'], orders: 3 });
    dir = mkdtempSync(path.join(tmpdir(), 'xb-worker-'));
    writeFileSync(path.join(dir, 'stores.json'), JSON.stringify(demo.storesFile));
  });
  afterAll(async () => {
    await demo?.close();
    await server?.stop();
  });

  it('needs a Redis URL (flag or XBORDER_REDIS_URL) and a sane concurrency: usage errors, exit 2', async () => {
    const stores = path.join(dir, 'stores.json');
    expect(await cli(['worker', '--stores', stores], demo.env)).toMatchObject({ code: 2, stderr: 'xborder: --redis <url> or XBORDER_REDIS_URL is required' });
    expect(await cli(['worker', '--stores', stores, '--concurrency', '0', '--redis', server.url], demo.env)).toMatchObject({ code: 2, stderr: 'xborder: --concurrency must be an integer ≥ 1' });
  });

  it('syncs every account on its schedule into --out and stops after running jobs on abort', async () => {
    const out = path.join(dir, 'orders.jsonl');
    const ac = new AbortController();
    const running = cli(['worker', '--stores', path.join(dir, 'stores.json'), '--every', '1', '--out', out, '--since', new Date(Date.now() - 7 * 86_400_000).toISOString()], { ...demo.env, XBORDER_REDIS_URL: server.url }, ac.signal);
    const until = Date.now() + 20_000;
    while (!(existsSync(out) && readFileSync(out, 'utf8').trim().split('\n').length >= 3)) {
      if (Date.now() > until) throw new Error('no orders delivered in 20 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    ac.abort();
    const r = await running;
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('order sync every 1 s');
    expect(r.stderr).toContain('stopped (running jobs finished)');
    const ids = readFileSync(out, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
    expect(new Set(ids).size).toBeGreaterThanOrEqual(3);
    const redis = await server.connect();
    expect((await redis.keys('xborder:*:checkpoint*')).length).toBeGreaterThan(0);
  }, 30_000);
});
