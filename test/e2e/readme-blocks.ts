/** The TypeScript blocks of a markdown file, with their heading and `readme-test: skip` marker. */
export interface Block {
  /** The nearest heading above the block. */
  heading: string;
  line: number;
  code: string;
  /** Why the block cannot run offline, when the README says so. */
  skip?: string;
}

/** Every ```ts block of a markdown text, with its heading and skip marker. */
export function tsBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  let heading = '(top)';
  let skip: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const h = /^#+\s+(.*)$/.exec(l);
    if (h) heading = h[1]!;
    const marker = /^<!--\s*readme-test:\s*skip\s+(.*?)\s*-->$/.exec(l.trim());
    if (marker) skip = marker[1];
    if (/^```(ts|typescript)\s*$/.test(l)) {
      const start = i + 1;
      while (i + 1 < lines.length && !/^```\s*$/.test(lines[i + 1]!)) i++;
      blocks.push({ heading, line: start, code: lines.slice(start, i + 1).join('\n'), ...(skip ? { skip } : {}) });
      i++;
      skip = undefined;
    }
  }
  return blocks;
}
