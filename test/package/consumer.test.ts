/**
 * The package as a user gets it: `npm pack`, the tarball unpacked into a fresh project whose
 * other dependencies are linked from this repository (offline, seconds), then
 *   - a consumer file typechecked with moduleResolution node10 (typesVersions), node16 (ESM and
 *     CJS) and bundler, importing every public subpath;
 *   - the README's TypeScript blocks typechecked against the packed types;
 *   - publint and attw (every resolution profile) over the packed package.
 * Runs on the built dist/ (the test command builds first).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tsBlocks } from '../e2e/readme-blocks.js';

const root = path.resolve(__dirname, '../..');
const run = promisify(execFile);
const built = existsSync(path.join(root, 'dist/index.d.ts'));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown>; dependencies: Record<string, string> };
const specifiers = Object.keys(pkg.exports).filter((k) => k !== './package.json').map((k) => (k === '.' ? 'xborder' : `xborder/${k.slice(2)}`));
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);

let dir: string;
let tarball: string;

beforeAll(async () => {
  if (!built) return;
  dir = mkdtempSync(path.join(tmpdir(), 'xb-consumer-'));
  const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: root, timeout: 60_000 });
  tarball = path.join(dir, stdout.trim().split('\n').pop()!);
  const modules = path.join(dir, 'node_modules');
  mkdirSync(path.join(modules, 'xborder'), { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', path.join(modules, 'xborder'), '--strip-components=1']);
  // Only the declared runtime dependencies (plus typescript and @types for the checks), linked from
  // this repository: no network, and a bundled dependency missing from the bundle would show.
  for (const name of [...Object.keys(pkg.dependencies), 'typescript', '@types']) {
    mkdirSync(path.dirname(path.join(modules, name)), { recursive: true });
    symlinkSync(path.join(root, 'node_modules', name), path.join(modules, name), 'dir');
  }
}, 120_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const consumer = `
${specifiers.map((s, i) => `import * as m${i} from '${s}';`).join('\n')}
import { money, type Money, type Order } from 'xborder';
import { amazon, type AmazonAdapter } from 'xborder/amazon';
import { startDemoSandbox } from 'xborder/sandbox';
import { amazonSandbox } from 'xborder/sandbox/amazon';
export const price: Money = money('12.99', 'EUR');
export const factory: (c: Parameters<typeof amazon>[0]) => AmazonAdapter = amazon;
export const status = (o: Order): string => o.status;
export const start: typeof startDemoSandbox = startDemoSandbox;
export const sim = amazonSandbox;
export const all = [${specifiers.map((_, i) => `m${i}`).join(', ')}];
`;

async function tsc(name: string, compilerOptions: Record<string, unknown>, files: Record<string, string>): Promise<string> {
  const sub = path.join(dir, name);
  mkdirSync(sub, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(path.join(sub, f), text);
  writeFileSync(path.join(sub, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, skipLibCheck: true, types: ['node'], target: 'ES2022', lib: ['ES2023', 'DOM'], ...compilerOptions }, include: Object.keys(files) }));
  if (compilerOptions.module === 'Node16') writeFileSync(path.join(sub, 'package.json'), '{ "type": "module" }');
  const r = await run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', sub], { cwd: sub, timeout: 90_000 }).catch((e: { stdout: string }) => e);
  return r.stdout.trim();
}

describe.runIf(built)('the packed package in a consumer project', () => {
  it("typechecks for moduleResolution node10, node16 (ESM + CJS) and bundler, with the README's blocks", async () => {
    const blocks = tsBlocks(readFileSync(path.join(root, 'README.md'), 'utf8')).filter((b) => !b.skip);
    const readme = Object.fromEntries(blocks.map((b, i) => [`readme${i}.ts`, `${b.code}\nexport {};\n`]));
    const results = await Promise.all([
      tsc('node10', { module: 'CommonJS', moduleResolution: 'Node10', esModuleInterop: true }, { 'index.ts': consumer.replace(/^export const start[^\n]*\n/m, '') }),
      tsc('node16', { module: 'Node16', moduleResolution: 'Node16' }, { 'index.ts': consumer, 'legacy.cts': "import { money } from 'xborder';\nexport const m = money('1.00', 'USD');\n", ...readme }),
      // skipLibCheck everywhere (fast); attw below reports unresolved imports inside the declarations.
      tsc('bundler', { module: 'ESNext', moduleResolution: 'Bundler' }, { 'index.ts': consumer }),
    ]);
    expect(results).toEqual(['', '', '']);
  }, 120_000);

  it('every subpath loads with import() and require() using only the declared dependencies', async () => {
    const script = `for (const s of ${JSON.stringify(specifiers)}) { await import(s); require(s); } console.log('ok');`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', `import { createRequire } from 'node:module'; const require = createRequire(process.cwd() + '/'); ${script}`], { cwd: dir, timeout: 60_000 });
    expect(stdout.trim()).toBe('ok');
  }, 60_000);

  it('publint and attw (every profile) find nothing', async () => {
    const lint = await run(bin('publint'), ['--strict', path.join(dir, 'node_modules/xborder')], { timeout: 60_000 }).catch((e: { stdout: string; stderr: string }) => e);
    expect(`${lint.stdout}${lint.stderr}`).not.toMatch(/error|warning|suggestion/i);
    const attw = await run(bin('attw'), [tarball, '--profile', 'strict', '--format', 'ascii'], { timeout: 60_000 }).catch((e: { stdout: string; stderr: string }) => e);
    expect(attw.stdout).toMatch(/No problems found/);
  }, 120_000);
});
