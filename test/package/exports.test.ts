/**
 * Runs on the built package (the test command builds first): every subpath loads through both
 * `import` and `require` in a fresh Node process, and the build graph proves adapter isolation.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
const subpaths = Object.keys(pkg.exports).filter((k) => k !== './package.json');
const adapters = ['amazon', 'ebay', 'aliexpress', 'shopee'];
const built = existsSync(path.join(root, 'dist/metafile-esm.json'));

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 30_000 });
}

interface Metafile {
  outputs: Record<string, { inputs: Record<string, unknown>; imports: Array<{ path: string; kind: string; external?: boolean }>; entryPoint?: string }>;
}

/** All source inputs reachable from one output through its static chunk imports. */
function inputsOf(meta: Metafile, output: string, seen = new Set<string>()): Set<string> {
  const inputs = new Set<string>();
  if (seen.has(output)) return inputs;
  seen.add(output);
  const o = meta.outputs[output];
  if (!o) return inputs;
  Object.keys(o.inputs).forEach((i) => inputs.add(i));
  for (const imp of o.imports) {
    if (imp.external || imp.kind === 'dynamic-import') continue;
    inputsOf(meta, imp.path, seen).forEach((i) => inputs.add(i));
  }
  return inputs;
}

describe.runIf(built)('package exports (built dist/)', () => {
  it('exports map has types for import and require on every subpath', () => {
    expect(subpaths.sort()).toEqual(['.', './aliexpress', './amazon', './currency', './ebay', './landed-cost', './redis', './sandbox', './shipping', './shopee', ...adapters.map((a) => `./sandbox/${a}`)].sort());
    for (const sp of subpaths) {
      const e = pkg.exports[sp] as { import: { types: string; default: string }; require: { types: string; default: string } };
      for (const file of [e.import.types, e.import.default, e.require.types, e.require.default]) expect(existsSync(path.join(root, file)), file).toBe(true);
    }
  });

  it.each(subpaths)('%s loads with import() and require() in a child process', (sp) => {
    const spec = sp === '.' ? 'xborder' : `xborder/${sp.slice(2)}`;
    const esm = node(['--input-type=module', '-e', `const m = await import(${JSON.stringify(spec)}); console.log(Object.keys(m).length)`]);
    const cjs = node(['-e', `const m = require(${JSON.stringify(spec)}); console.log(Object.keys(m).length)`]);
    expect(Number(esm.trim())).toBe(Number(cjs.trim()));
  });

  it('isXborderError works across the ESM and CJS copies (brand check)', () => {
    const out = node(['-e', `
      const core = require('xborder');
      import('xborder').then((esm) => {
        const e = new esm.ValidationError({ message: 'x', path: 'p' });
        console.log(core.isXborderError(e), esm.isXborderError(new core.NotFoundError({ message: 'y' })));
      });`]);
    expect(out.trim()).toBe('true true');
  });

  it.each(['esm', 'cjs'])('%s build: no adapter entry contains code from another adapter, and the core entries contain none', (fmt) => {
    const meta = JSON.parse(readFileSync(path.join(root, `dist/metafile-${fmt}.json`), 'utf8')) as Metafile;
    const ext = fmt === 'esm' ? 'js' : 'cjs';
    for (const entry of [...adapters, 'index', 'currency', 'landed-cost', 'shipping', 'sandbox', 'redis', 'cli']) {
      const inputs = [...inputsOf(meta, `dist/${entry}.${ext}`)];
      expect(inputs.length, `dist/${entry}.${ext} in metafile`).toBeGreaterThan(0);
      for (const other of adapters.filter((a) => a !== entry)) {
        expect(inputs.filter((i) => i.startsWith(`adapters/${other}/`)), `${entry} contains ${other}`).toEqual([]);
      }
      // Production adapter bundles carry no simulator: that is xborder/sandbox/<m>.
      expect(inputs.filter((i) => /^adapters\/[a-z]+\/sandbox\//.test(i)), `${entry} contains simulator code`).toEqual([]);
    }
  });

  it.each(['esm', 'cjs'])('%s build: each simulator entry carries only its own marketplace', (fmt) => {
    const meta = JSON.parse(readFileSync(path.join(root, `dist/metafile-${fmt}.json`), 'utf8')) as Metafile;
    const ext = fmt === 'esm' ? 'js' : 'cjs';
    for (const m of adapters) {
      const inputs = [...inputsOf(meta, `dist/sandbox/${m}.${ext}`)];
      expect(inputs.some((i) => i.startsWith(`adapters/${m}/sandbox/`))).toBe(true);
      for (const other of adapters.filter((a) => a !== m)) expect(inputs.filter((i) => i.startsWith(`adapters/${other}/`)), `sandbox/${m} contains ${other}`).toEqual([]);
    }
  });

  it.each(['esm', 'cjs'])('%s build: the optional peers ioredis and bullmq are never bundled, only imported', (fmt) => {
    const meta = JSON.parse(readFileSync(path.join(root, `dist/metafile-${fmt}.json`), 'utf8')) as Metafile;
    const bundled = Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs)).filter((i) => /node_modules\/(ioredis|bullmq)\//.test(i));
    expect(bundled).toEqual([]);
    // Loading any entry loads neither peer: xborder/redis imports them on first use.
    const peerImports = Object.entries(meta.outputs).flatMap(([out, o]) => o.imports.filter((i) => /^(ioredis|bullmq)(\/|$)/.test(i.path)).map((i) => `${out} ${i.kind} ${i.path}`));
    expect(peerImports.length).toBeGreaterThan(0);
    expect(peerImports.filter((i) => !i.includes(' dynamic-import '))).toEqual([]);
  });

  it('source maps name their sources without embedding them', () => {
    const map = JSON.parse(readFileSync(path.join(root, 'dist/index.js.map'), 'utf8')) as { sources: string[]; sourcesContent?: unknown[] };
    expect(map.sources.length).toBeGreaterThan(0);
    expect(map.sourcesContent ?? []).toEqual([]);
  });
});

describe('the package is built before this suite', () => {
  it('dist/ exists (npm test builds first)', () => {
    expect(built).toBe(true);
  });
});
