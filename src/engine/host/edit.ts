/**
 * `edit FILE` (also `nano`, `vi` and `vim` on the host): opens FILE in the page's editor, the way a
 * learner would open an editor from the shell. The page asks the engine for the file and saves it
 * back as the learner, so permissions apply as they would to a real editor. A file that does not
 * exist yet opens empty and is created on the first save, as nano and vi do.
 *
 * Without a page (the headless runner, tests) there is nowhere to edit: it says so and fails.
 */
import type { Program } from '../process/types';

const R_OK = 4;

export const edit: Program = async (ctx) => {
  const name = ctx.argv[0];
  const file = ctx.argv[1];
  if (!file) {
    await ctx.stderr.write(`usage: ${name} FILE\n`);
    return 2;
  }
  const path = ctx.fs.resolve(file);
  if (ctx.fs.exists(path)) {
    if (ctx.fs.stat(path).kind === 'dir') {
      await ctx.stderr.write(`${name}: ${file}: Is a directory\n`);
      return 1;
    }
    if (!ctx.fs.access(path, R_OK)) {
      await ctx.stderr.write(`${name}: ${file}: Permission denied\n`);
      return 1;
    }
  }
  if (ctx.sys.host?.openEditor) {
    ctx.sys.host.openEditor(path);
    return 0;
  }
  await ctx.stderr.write(`${name}: the file editor opens in the page; use echo/cat with redirections here.\n`);
  return 1;
};
