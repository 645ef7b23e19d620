/**
 * `npm run --silent conformance`: the Dockerfile parser and word expander against the reference
 * corpora in ../shared/conformance. One line per corpus, `NAME: PASSED/TOTAL`; `-v` lists the
 * failing cases. Exit status 0 when every corpus passes, 1 otherwise (or when the material is
 * missing). The corpus runners are in ./conformance-corpora.ts, shared with
 * src/engine/build/dockerfile/conformance.test.ts.
 */
import { existsSync } from 'node:fs';
import { conformanceRoot, runCorpora } from './conformance-corpora';

const root = conformanceRoot();
if (!existsSync(root)) {
  process.stderr.write(`conformance material not found at ${root}\n`);
  process.exit(1);
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
