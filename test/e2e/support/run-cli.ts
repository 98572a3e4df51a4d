/** The built `xborder` bin (dist/cli.js) in a child process, as a user runs it. */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const CLI = path.resolve('dist/cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Killed (SIGKILL) after this long; default 60 s. */
  timeoutMs?: number;
  /** Called once started: a kill switch and the stdout so far (for --follow runs). */
  onSpawn?: (kill: () => void, stdout: () => string) => void;
}

export function runCli(args: string[], opts: CliRunOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    opts.onSpawn?.(() => child.kill('SIGKILL'), () => stdout);
  });
}
