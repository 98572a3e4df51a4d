/** Layering: the core never imports an adapter; adapters never import each other. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...tsFiles(full));
    else if (name.endsWith('.ts')) out.push(full);
  }
  return out;
}

/** Every module specifier in static imports, re-exports and dynamic import() calls. */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const re = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  return [...text.matchAll(re)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

function resolvesInto(file: string, spec: string, dir: string): boolean {
  if (!spec.startsWith('.')) return false;
  const target = path.resolve(path.dirname(file), spec);
  return target.startsWith(path.join(root, dir) + path.sep) || target === path.join(root, dir);
}

describe('architecture', () => {
  it('nothing in src/ imports from adapters/', () => {
    const offenders = tsFiles(path.join(root, 'src')).flatMap((f) => specifiers(f).filter((s) => resolvesInto(f, s, 'adapters')).map((s) => `${path.relative(root, f)} → ${s}`));
    expect(offenders).toEqual([]);
  });

  it('no adapter imports another adapter', () => {
    const adapters = readdirSync(path.join(root, 'adapters'));
    const offenders: string[] = [];
    for (const a of adapters) {
      for (const f of tsFiles(path.join(root, 'adapters', a))) {
        for (const s of specifiers(f)) {
          for (const other of adapters.filter((x) => x !== a)) {
            if (resolvesInto(f, s, `adapters/${other}`) || s === `xborder/${other}`) offenders.push(`${path.relative(root, f)} → ${s}`);
          }
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the layering check itself detects a violation', () => {
    expect(resolvesInto(path.join(root, 'src/hub/x.ts'), '../../adapters/amazon/index.js', 'adapters')).toBe(true);
    expect(resolvesInto(path.join(root, 'src/hub/x.ts'), '../model/money.js', 'adapters')).toBe(false);
  });
});
