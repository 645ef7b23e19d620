/**
 * `npm run --silent sim -- [--seed N] FILE` : the headless runner. FILE is typed into a fresh
 * simulated machine's terminal line by line (`-` reads standard input); what the terminal shows is
 * printed, without ANSI escapes unless standard output is a TTY.
 */
import { readFileSync } from 'node:fs';
import { runScript } from './headless';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let seed = 1;
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--seed') seed = Number(args[++i]);
    else if (a.startsWith('--seed=')) seed = Number(a.slice(7));
    else if (a === '--') continue;
    else file = a;
  }
  if (file === undefined || !Number.isFinite(seed)) {
    process.stderr.write('usage: npm run --silent sim -- [--seed N] FILE   (FILE - reads standard input)\n');
    return 2;
  }
  const script = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  const { output } = await runScript(script, seed, Boolean(process.stdout.isTTY));
  process.stdout.write(output);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`sim: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  },
);
