#!/usr/bin/env node
/**
 * The `xborder` bin (package.json#bin → dist/cli.js). First Ctrl-C: stop cleanly (reports are
 * printed, journals and checkpoints stay consistent). Second Ctrl-C: exit at once.
 */
import { setMaxListeners } from 'node:events';
import { run } from './program.js';

const ctl = new AbortController();
// Every in-flight call and limiter wait listens on this one signal.
setMaxListeners(0, ctl.signal);
let interrupts = 0;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (++interrupts > 1) process.exit(130);
    process.stderr.write(`\nxborder: stopping (${sig}); press Ctrl-C again to quit now\n`);
    ctl.abort(new Error(`received ${sig}`));
  });
}

async function version(): Promise<string | undefined> {
  try {
    // Self-reference at run time: the bundle does not inline package.json.
    const spec = 'xborder/package.json';
    const pkg = (await import(spec, { with: { type: 'json' } })) as { default: { version: string } };
    return pkg.default.version;
  } catch {
    return undefined;
  }
}

// No top-level await: the same entry is also built as CommonJS.
void (async () => {
  const code = await run(process.argv.slice(2), { signal: ctl.signal, version: await version() });
  // Flush stdout before exiting: keep-alive sockets would otherwise hold the process open.
  process.stdout.write('', () => process.exit(code));
})();
