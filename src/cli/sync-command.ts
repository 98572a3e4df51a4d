/** The options and checks `orders sync` and `returns sync` share (one checkpointed feed each). */
import type { Command } from 'commander';
import { fileCheckpoints, type CheckpointStore } from '../hub/checkpoints.js';
import { formatSyncReport } from '../hub/sync-report.js';
import type { SyncReport } from '../hub/sync-types.js';
import { CliError, EXIT_OK, EXIT_PARTIAL } from './exit.js';
import { csvList, type CliContext } from './context.js';
import { checkJsonFileIfExists } from './inputs.js';

export interface SyncFlags {
  stores?: string;
  checkpoint?: string;
  follow?: boolean;
  interval?: string;
  overlap?: string;
  since?: string;
  out?: string;
  accounts?: string;
}

/** The window options every checkpointed sync takes, checked and converted. */
export interface SyncWindowOptions {
  checkpoints: CheckpointStore;
  accounts?: string[];
  overlapMs: number;
  since?: string;
  follow: boolean;
  intervalMs: number;
}

export function addSyncOptions(cmd: Command, help: { checkpoint: string; out: string }): Command {
  return cmd
    .option('--stores <file>', 'store config file')
    .option('--checkpoint <file>', help.checkpoint)
    .option('--follow', 'keep polling until Ctrl-C')
    .option('--interval <seconds>', 'polling interval with --follow', '60')
    .option('--overlap <minutes>', 'how far each window re-reads before the checkpoint', '10')
    .option('--since <iso>', 'start of the first window when there is no checkpoint (default: 24 h ago)')
    .option('--out <file>', help.out)
    .option('--accounts <keys>', 'only these accounts, comma-separated');
}

/** Checks the flags before any call; a damaged checkpoint is a configuration problem (exit 2, file and position). */
export async function syncWindowOptions(flags: SyncFlags): Promise<SyncWindowOptions> {
  if (!flags.checkpoint) throw new CliError('--checkpoint <file> is required');
  const interval = Number(flags.interval);
  const overlap = Number(flags.overlap);
  if (!(interval > 0)) throw new CliError('--interval must be a positive number of seconds');
  if (!(overlap >= 0)) throw new CliError('--overlap must be a number of minutes ≥ 0');
  if (flags.since !== undefined && Number.isNaN(Date.parse(flags.since))) throw new CliError('--since must be an ISO date-time');
  await checkJsonFileIfExists(flags.checkpoint, 'checkpoint file');
  return {
    checkpoints: fileCheckpoints(flags.checkpoint),
    accounts: csvList(flags.accounts),
    overlapMs: overlap * 60_000,
    since: flags.since,
    follow: !!flags.follow,
    intervalMs: interval * 1000,
  };
}

/** Prints the final report and maps it to the exit code. */
export function reportSync(ctx: CliContext, report: SyncReport): number {
  if (ctx.io.json) ctx.io.out(JSON.stringify(report));
  else ctx.io.out(`\n${formatSyncReport(report)}`);
  return report.ok ? EXIT_OK : EXIT_PARTIAL;
}
