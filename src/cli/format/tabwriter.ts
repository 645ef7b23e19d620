/**
 * Go's text/tabwriter as the docker CLI configures it (minwidth 10, tabwidth 1, padding 3,
 * padchar ' ', flags 0), measuring cells with display width like the CLI's go-runewidth fork.
 *
 * A cell is text terminated by a tab; the text after the last tab of a line is not part of a
 * column and is never padded. A column's width is computed over a *block* of contiguous lines
 * that all have a cell in that column (Go's recursive `format`), so a line with fewer cells
 * splits the block: that is why headers and rows align only while they are adjacent.
 */
import { stringWidth } from './width';

export interface TabwriterOptions {
  minwidth: number;
  padding: number;
}

export const CLI_TABWRITER: TabwriterOptions = { minwidth: 10, padding: 3 };

interface Cell {
  text: string;
  width: number;
}

/** Lay out `text` (lines separated by \n, cells by \t) and return the aligned result. */
export function tabwrite(text: string, opts: TabwriterOptions = CLI_TABWRITER): string {
  const endsWithNewline = text.endsWith('\n');
  const rawLines = (endsWithNewline ? text.slice(0, -1) : text).split('\n');
  if (text === '') return '';
  const lines: Cell[][] = rawLines.map((l) =>
    l.split('\t').map((t) => ({ text: t, width: stringWidth(t) })),
  );
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i]!;
      let s = '';
      for (let j = 0; j < line.length; j++) {
        const c = line[j]!;
        s += c.text;
        if (j < widths.length) s += ' '.repeat(Math.max(0, widths[j]! - c.width));
      }
      const last = i === lines.length - 1;
      out.push(last && !endsWithNewline ? s : s + '\n');
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t]!.length - 1) continue;
      // this line has a cell in `column`: flush the lines before the block, then size the block
      writeLines(line0, t);
      line0 = t;
      let width = opts.minwidth;
      for (; t < line1; t++) {
        const line = lines[t]!;
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column]!.width + opts.padding);
      }
      widths.push(width);
      format(line0, t);
      widths.pop();
      line0 = t;
      t--; // the for-loop's t++ must not skip the line that ended the block
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('');
}
