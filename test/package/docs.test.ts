/**
 * The API reference (`npm run docs`, TypeDoc over every public entry point, with the README and
 * the CLI / catalog guides): no broken links, and no public export left undocumented beyond the
 * recorded backlog in docs-undocumented.txt (a ratchet: a new export must come with its doc
 * comment; documenting a listed one means deleting its line).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

describe('API reference (TypeDoc)', () => {
  it('builds with no broken link and no newly undocumented public export', async () => {
    const r = await promisify(execFile)(process.execPath, [path.join(root, 'node_modules/typedoc/bin/typedoc'), '--emit', 'none'], { cwd: root, timeout: 150_000, maxBuffer: 64 * 1024 * 1024 })
      .catch((e: { stdout: string; stderr: string; code?: unknown; signal?: unknown }) => e);
    const output = `${r.stdout}${r.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
    // Errors and the summary line only, so a failure says why (the warnings are hundreds of lines).
    const verdict = output.split('\n').filter((l) => /\[error\]|Found \d+ error/.test(l));
    const why = 'code' in r ? ` (exit ${String(r.code)}, signal ${String(r.signal)})` : '';
    expect(verdict.join('\n') || `typedoc printed no summary${why}`).toMatch(/Found 0 errors/);
    expect(verdict.filter((l) => l.includes('[error]'))).toEqual([]);
    expect(output.split('\n').filter((l) => /link|anchor/i.test(l) && /\[warning\]|\[error\]/.test(l))).toEqual([]);
    const undocumented = output.split('\n').filter((l) => l.includes('does not have any documentation')).map((l) => l.replace(/^\[warning\] /, '').replace(/, defined in .*$/, ''));
    const backlog = new Set(readFileSync(path.join(__dirname, 'docs-undocumented.txt'), 'utf8').split('\n').filter(Boolean));
    expect(undocumented.filter((n) => !backlog.has(n)), 'document these exports (TSDoc comment)').toEqual([]);
  }, 180_000);
});
