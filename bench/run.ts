/** `npm run bench`: runs every bench/*.bench.ts that exists and prints a summary table. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
const summary: Record<string, Record<string, number>> = {};
for (const f of files) {
  console.log(`\n== ${f}`);
  const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as { run?: () => Promise<Record<string, number>> };
  if (mod.run) summary[f] = await mod.run();
}
console.log('\n== summary');
for (const [f, figures] of Object.entries(summary)) for (const [k, v] of Object.entries(figures)) console.log(`${f.padEnd(26)} ${k.padEnd(36)} ${v}`);
