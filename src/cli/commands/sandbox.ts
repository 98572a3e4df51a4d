/** `xborder sandbox`: the embedded sandbox with every available marketplace, until Ctrl-C. */
import { promises as fs } from 'node:fs';
import type { Command } from 'commander';
import { startSandbox } from '../../sandbox/server.js';
import { DEMO_TIME_SCALE } from '../../sandbox/demo/index.js';
import { CliError, EXIT_OK } from '../exit.js';
import type { CliContext } from '../context.js';
import { startDemoSandbox } from '../../sandbox/demo/index.js';

interface SandboxFlags {
  timeScale?: string;
  realTime?: boolean;
  seed: string;
  orders: string;
  writeStores?: string;
}

export function registerSandbox(program: Command, ctx: CliContext, done: (code: number) => void): void {
  program
    .command('sandbox')
    .description('start the embedded sandbox (every available marketplace) and print endpoints + demo credentials')
    .option('--time-scale <n>', `rate limits and marketplace delays run n times faster (default ${DEMO_TIME_SCALE}: the tutorial takes seconds)`)
    .option('--real-time', "the marketplaces' real pacing (same as --time-scale 1)")
    .option('--seed <n>', 'seed of the simulated data and faults', '42')
    .option('--orders <n>', 'orders to seed per demo store', '5')
    .option('--write-stores <file>', 'write a store config for the demo accounts (secrets stay in env)')
    .action(async (flags: SandboxFlags) => done(await runSandbox(ctx, flags)));
}

async function runSandbox(ctx: CliContext, flags: SandboxFlags): Promise<number> {
  if (flags.realTime && flags.timeScale !== undefined) throw new CliError('--real-time and --time-scale exclude each other');
  const timeScale = flags.realTime ? 1 : Number(flags.timeScale ?? DEMO_TIME_SCALE);
  const seed = Number(flags.seed);
  const orders = Number(flags.orders);
  if (!(timeScale > 0)) throw new CliError('--time-scale must be a number greater than 0');
  if (!Number.isInteger(seed) || !Number.isInteger(orders) || orders < 0) throw new CliError('--seed and --orders must be whole numbers');
  const demo = await startDemoSandbox({ timeScale, seed, orders }, startSandbox);
  if (demo.accounts.length === 0) {
    await demo.sandbox.close();
    throw new CliError('no marketplace sandbox is available in this build of xborder');
  }
  if (flags.writeStores) await fs.writeFile(flags.writeStores, `${JSON.stringify(demo.storesFile, null, 2)}\n`, 'utf8');
  const env = Object.fromEntries(demo.accounts.flatMap((a) => Object.entries(a.env)));
  if (ctx.io.json) {
    const accounts = demo.accounts.map(({ env: _env, ...a }) => a);
    ctx.io.out(JSON.stringify({ urls: demo.sandbox.urls, accounts, env, storesFile: flags.writeStores ?? null, timeScale, seed }));
  } else {
    ctx.io.out(`xborder sandbox is running at ${timeScale === 1 ? 'real pace' : `${timeScale}× the marketplaces' pace`} (Ctrl-C to stop)\n`);
    for (const [name, url] of Object.entries(demo.sandbox.urls)) ctx.io.out(`  ${name.padEnd(12)} ${url}`);
    ctx.io.out('\nDemo accounts (stores):');
    for (const a of demo.accounts) ctx.io.out(`  ${a.key.padEnd(12)} ${a.marketplace.padEnd(8)} ${a.stores.join(', ')}`);
    ctx.io.out('\nDemo credentials, for a shell that runs the other commands:');
    for (const [k, v] of Object.entries(env)) ctx.io.out(`  export ${k}=${shellQuote(v)}`);
    if (flags.writeStores) ctx.io.out(`\nStore config written to ${flags.writeStores}; try:\n  xborder list examples/catalog.csv --stores ${flags.writeStores}`);
  }
  await new Promise<void>((resolve) => {
    if (ctx.signal.aborted) return resolve();
    ctx.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await demo.sandbox.close();
  return EXIT_OK;
}

function shellQuote(v: string): string {
  return /^[\w@%+=:,./-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}
