/**
 * The README's TypeScript blocks run as written, against the embedded sandbox (they are also
 * typechecked against the packed package in test/package/consumer.test.ts).
 * Each block is written to its own temp directory (files it creates, such as ./sync.json, land
 * there) and run with tsx, `xborder/*` mapped to the sources by tsconfig.json#paths — exactly
 * what a copy into a project that depends on the package would import. A block that cannot run
 * offline carries `<!-- readme-test: skip <reason> -->` right above it; the test names it and why.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tsBlocks } from './readme-blocks.js';

const root = path.resolve(__dirname, '../..');
const run = promisify(execFile);
const TSX = path.join(root, 'node_modules/tsx/dist/loader.mjs');

const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const blocks = tsBlocks(readme);

/** What each runnable block must print, beyond exiting 0. */
const EXPECT: Record<string, RegExp[]> = {
  'Quick start': [/^listing TEE-RED-M (accepted|active|pending) 0 issues$/m, /^shopee order \S+ /m, /^shipped \S+ (confirmed|already_done)$/m, /^synced [1-9]\d* orders; the ERP holds [1-9]\d*$/m],
};

describe('README.md TypeScript blocks', () => {
  it('has a Quick start block, and every block either runs or says why it cannot', () => {
    expect(blocks.some((b) => b.heading === 'Quick start')).toBe(true);
    for (const b of blocks.filter((x) => x.skip)) expect(b.skip!.length, `block at README.md:${b.line}`).toBeGreaterThan(10);
  });

  for (const b of blocks) {
    const name = `${b.heading} (README.md:${b.line})`;
    if (b.skip) {
      it.skip(`${name}: cannot run offline: ${b.skip}`, () => {});
      continue;
    }
    it(`${name} runs against the embedded sandbox`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'xb-readme-'));
      const file = path.join(dir, 'block.ts');
      writeFileSync(file, b.code);
      writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
      const { stdout } = await run(process.execPath, ['--import', TSX, file], {
        cwd: dir,
        timeout: 60_000,
        env: { ...process.env, TSX_TSCONFIG_PATH: path.join(root, 'tsconfig.json'), NO_COLOR: '1' },
      });
      for (const re of EXPECT[b.heading] ?? []) expect(stdout).toMatch(re);
    }, 90_000);
  }
});
