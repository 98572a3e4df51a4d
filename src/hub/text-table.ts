import stringWidth from 'string-width';

/**
 * A plain-text table for terminal reports: left-aligned text, right-aligned numbers. Widths are
 * display columns (string-width), so CJK text (two columns a character) and emoji stay aligned.
 */
export function textTable(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((r) => typeof r[c] === 'number'));
  const widths = header.map((_, c) => Math.max(...cells.map((r) => stringWidth(r[c] ?? ''))));
  const pad = (v: string, c: number) => ' '.repeat(Math.max(0, widths[c]! - stringWidth(v)));
  const line = (r: string[]) => r.map((v, c) => (numeric[c] ? pad(v, c) + v : v + pad(v, c))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n');
}

export function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
