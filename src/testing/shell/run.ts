/** Test helper: run `bash -c SRC` (or another flavour) on a fresh fake system. */
import { makeSystem, runProgram, type FakeSystem } from './fake-system';
import { shPrograms } from '../../shell/programs';
import type { FlavourName } from '../../shell/flavour';

export async function run(src: string, opts: { flavour?: FlavourName; sys?: FakeSystem; stdin?: string; args?: string[]; fork?: boolean } = {}) {
  const sys = opts.sys ?? makeSystem({ fork: opts.fork });
  const f = opts.flavour ?? 'bash';
  const name = f === 'bash' ? 'bash' : 'sh';
  return runProgram(sys, shPrograms[f], [name, '-c', src, ...(opts.args ?? [])], { stdin: opts.stdin });
}
