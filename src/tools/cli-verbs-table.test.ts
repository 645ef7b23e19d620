import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BEGIN, END, verbRows } from './cli-verbs-table';

describe('src/cli/README.md verb table', () => {
  it('lists every verb the simulator runs, with its file', async () => {
    const readme = readFileSync(join(__dirname, '../cli/README.md'), 'utf8');
    const table = readme.slice(readme.indexOf(BEGIN), readme.indexOf(END));
    const listed = [...table.matchAll(/^\| `([^`]+)` \| `([^`]+)` \|/gm)].map((m) => `${m[1]} → ${m[2]}`);
    const rows = await verbRows();
    expect(rows.length).toBeGreaterThan(40);
    expect(listed).toEqual(rows.map((r) => `${r.verb} → ${r.file.replace('src/cli/commands/', '')}`));
  }, 120_000);
});
