/**
 * The CLI README's "Try it offline" tutorial, run as written with the built bin (dist/cli.js):
 * the sandbox in the background, its `export` lines as the environment of the other commands, in
 * a fresh directory holding the package's examples/. One substitution, named: the tutorial's
 * `<id>` and `<lineId>` are what the reader picks from orders.jsonl; the test picks the first
 * shippable Amazon order there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Order } from '../../src/model/order.js';
import { runCli } from './support/run-cli.js';

const root = path.resolve(__dirname, '../..');
const CLI = path.join(root, 'dist/cli.js');
const readme = readFileSync(path.join(root, 'src/cli/README.md'), 'utf8');

/** The command lines of the first ```sh block after a heading, comments dropped. */
function commands(heading: string): string[] {
  const section = readme.slice(readme.indexOf(`## ${heading}`));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return block.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter((l) => l && !l.startsWith('#'));
}

const xborder = (args: string[], cwd: string, env: Record<string, string>) => runCli(args, { cwd, env });

/** `export NAME=value` / `export NAME='value'` lines → env. */
function exportsOf(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const m of text.matchAll(/^\s*export (\w+)=('(?:[^']|'\\'')*'|\S+)$/gm)) env[m[1]!] = m[2]!.startsWith("'") ? m[2]!.slice(1, -1).replace(/'\\''/g, "'") : m[2]!;
  return env;
}

let sandbox: ChildProcess | undefined;
afterAll(() => {
  sandbox?.kill('SIGINT');
});

describe.runIf(existsSync(CLI))('src/cli/README.md: Try it offline', () => {
  it('runs as written: list, orders sync, ship all succeed; --follow lines name their account', async () => {
    const steps = commands('Try it offline');
    expect(steps[0]).toMatch(/^xborder sandbox /);
    const cwd = mkdtempSync(path.join(tmpdir(), 'xb-tutorial-'));
    cpSync(path.join(root, 'examples'), path.join(cwd, 'examples'), { recursive: true });

    // 1. The sandbox, in the background, until its export lines are out.
    const banner = await new Promise<string>((resolve, reject) => {
      sandbox = spawn(process.execPath, [CLI, ...steps[0]!.split(/\s+/).slice(1)], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      sandbox.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (/Store config written/.test(out)) resolve(out);
      });
      sandbox.on('close', (code) => reject(new Error(`sandbox exited ${code}: ${out}`)));
    });
    const env = exportsOf(banner);
    expect(Object.keys(env).length).toBeGreaterThan(0);

    let orders: Order[] = [];
    for (const line of steps.slice(1)) {
      expect(line).toMatch(/^xborder /);
      let args = line.split(/\s+/).slice(1);
      if (line.includes('<id>')) {
        const order = orders.find((o) => o.marketplace === 'amazon' && o.shippable)!;
        expect(order, 'a shippable Amazon order in orders.jsonl').toBeDefined();
        args = args.map((a) => a.replace('<id>', order.id).replace('<lineId>', order.lines[0]!.lineId));
      }
      const r = await xborder(args, cwd, env);
      expect(r.code, `${line}\n${r.stdout}\n${r.stderr}`).toBe(0);
      if (args[0] === 'orders') {
        orders = readFileSync(path.join(cwd, 'orders.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Order);
        // Each order line names its account (account:store).
        for (const o of r.stdout.split('\n').filter((l) => /\d{3}-\d{7}-\d{7}/.test(l))) expect(o).toMatch(/^(amazonEU|shopeeSG|ebayUS):\S+\s/);
      }
    }

    // --follow: every status line on stderr starts with the account it is about.
    const follow = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'orders', 'sync', '--stores', 'stores.sandbox.json', '--checkpoint', 'follow.json', '--follow', '--interval', '1'], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (err.split('\n').filter((l) => / new, /.test(l)).length >= 3) child.kill('SIGINT');
      });
      child.on('close', () => resolve(err));
    });
    const status = follow.split('\n').filter((l) => / new, /.test(l));
    expect(status.length).toBeGreaterThanOrEqual(3);
    for (const l of status) expect(l).toMatch(/^(amazonEU|shopeeSG|ebayUS)\s+\d{4}-/);
  }, 120_000);
});
