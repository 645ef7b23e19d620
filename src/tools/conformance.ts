/**
 * `npm run --silent conformance`: the Dockerfile parser and word expander against the reference
 * corpora in ../shared/conformance. One line per corpus, `NAME: PASSED/TOTAL`; `-v` lists the
 * failing cases. Exit status 1 when any case fails.
 */
import { existsSync } from 'node:fs';
import { conformanceRoot, runCorpora } from './conformance-corpora';

const root = conformanceRoot();
if (!existsSync(root)) {
  process.stderr.write(`conformance material not found at ${root}\n`);
  process.exit(2);
}
const verbose = process.argv.includes('-v');
let failed = false;
for (const r of runCorpora(root)) {
  const note = r.excepted.length ? `  (left out: ${r.excepted.join('; ')})` : '';
  process.stdout.write(`${r.name}: ${r.passed}/${r.total}${note}\n`);
  if (r.passed !== r.total) failed = true;
  if (verbose) for (const f of r.failures) process.stdout.write(`  ${f}\n`);
}
process.exit(failed ? 1 : 0);
