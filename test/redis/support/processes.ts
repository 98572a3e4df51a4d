/**
 * Real OS processes for the scale-out proofs. Each child script is bundled once per test file with
 * esbuild (ioredis and bullmq stay external) into node_modules/.cache, so a child starts in a
 * fraction of a second with plain `node` instead of paying a tsx start-up each time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cache = path.join(root, 'node_modules/.cache/xborder-redis-tests');

/** Bundles test/redis/support/<name>.ts; resolves with the .mjs path. */
export async function bundleChild(name: string): Promise<string> {
  mkdirSync(cache, { recursive: true });
  const outfile = path.join(cache, `${name}-${process.pid}.mjs`);
  await build({
    entryPoints: [fileURLToPath(new URL(`./${name}.ts`, import.meta.url))], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20',
    external: ['ioredis', 'bullmq', 'esbuild'], logLevel: 'error',
    // Bundled CommonJS dependencies call require(): give the ESM bundle one.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}

export interface Child {
  proc: ChildProcess;
  /** Lines the child printed to stdout so far. */
  lines: string[];
  /** Resolves with the first stdout line matching (generous default: start-up on a loaded 2-core machine can take tens of seconds). */
  waitFor(re: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with every stdout line once the child exits (rejects on a non-zero exit unless killed). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; lines: string[] }>;
}

/** Starts `node <bundle> <json arg>`; stderr is kept for the failure message. */
export function startChild(bundle: string, arg: unknown): Child {
  const proc = spawn(process.execPath, [bundle, JSON.stringify(arg)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: Array<{ re: RegExp; resolve: (l: string) => void }> = [];
  let buf = '';
  let err = '';
  proc.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      lines.push(line);
      for (const w of waiters.filter((x) => x.re.test(line))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  proc.stderr!.on('data', (d: Buffer) => void (err = (err + d.toString()).slice(-4000)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; lines: string[] }>((resolve, reject) => {
    proc.once('exit', (code, signal) => {
      if (buf) lines.push(buf);
      if (code !== 0 && signal === null) reject(new Error(`child exited ${code}: ${err}`));
      else resolve({ code, signal, lines });
    });
  });
  exited.catch(() => undefined);
  return {
    proc, lines, exited,
    waitFor(re, timeoutMs = 90_000) {
      const hit = lines.find((l) => re.test(l));
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`child did not print ${re} in ${timeoutMs} ms: ${err}`)), timeoutMs);
        waiters.push({ re, resolve: (l) => (clearTimeout(t), resolve(l)) });
        exited.catch(reject);
      });
    },
  };
}
