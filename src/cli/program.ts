/** The `xborder` command line: commander program, output channels and exit codes. */
import { Command, CommanderError } from 'commander';
import { registerList } from './commands/list.js';
import { registerOrders } from './commands/orders.js';
import { registerQuote } from './commands/quote.js';
import { registerRates } from './commands/rates.js';
import { registerReturns } from './commands/returns.js';
import { registerSandbox } from './commands/sandbox.js';
import { registerShip } from './commands/ship.js';
import { registerStock } from './commands/stock.js';
import { registerValidate } from './commands/validate.js';
import { registerWorker } from './commands/worker.js';
import type { CliContext } from './context.js';
import { EXIT_OK, EXIT_USAGE, reportError, type Io } from './exit.js';

export interface RunOptions {
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  interactive?: boolean;
  version?: string;
}

/** Runs one command line (argv without node and script) and resolves with its exit code. */
export async function run(args: string[], opts: RunOptions = {}): Promise<number> {
  const json = args.includes('--json');
  const io: Io = {
    out: opts.stdout ?? ((t) => void process.stdout.write(`${t}\n`)),
    err: opts.stderr ?? ((t) => void process.stderr.write(`${t}\n`)),
    json,
    interactive: !json && !args.includes('--no-progress') && (opts.interactive ?? !!process.stderr.isTTY),
  };
  const ctx: CliContext = { io, signal: opts.signal ?? new AbortController().signal, env: opts.env ?? process.env };
  let code = EXIT_OK;
  const done = (c: number) => void (code = c);

  const program = new Command('xborder')
    .description('xborder: one interface to Amazon, Shopee, eBay and AliExpress; bulk listing, order sync, shipping and landed-cost quotes')
    .version(opts.version ?? '0.0.0', '-v, --version')
    .option('--json', 'machine-readable output on stdout')
    .option('--no-progress', 'no progress bars')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, '')),
      writeErr: (s) => io.err(s.replace(/\n$/, '')),
    });
  // Global flags may come after the sub-command (xborder rates --json).
  program.enablePositionalOptions(false);
  for (const register of [registerSandbox, registerList, registerOrders, registerShip, registerQuote, registerRates, registerStock, registerWorker, registerReturns, registerValidate]) register(program, ctx, done);
  for (const c of allCommands(program)) {
    c.exitOverride();
    c.option('--json', 'machine-readable output on stdout');
    c.option('--no-progress', 'no progress bars');
  }

  try {
    await program.parseAsync(args, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are successes; everything else commander refused is a usage error.
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? EXIT_OK : EXIT_USAGE;
    }
    return reportError(io, e);
  }
}

function allCommands(c: Command): Command[] {
  return c.commands.flatMap((sub) => [sub as Command, ...allCommands(sub as Command)]);
}
