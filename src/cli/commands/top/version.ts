/** `docker version`: Show the Docker version information (flags and help as Docker 28.5 prints them). */
import { inspectFormatFlag } from '../../framework/common-flags';
import { Template } from '../../format/template';
import { CLIENT_GIT_COMMIT, CLIENT_VERSION } from '../../framework/root';
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { call, daemonOf, str } from '../shared/common';

const client = () => ({ Platform: { Name: 'Docker Engine - Community' }, Version: CLIENT_VERSION, ApiVersion: '1.51', DefaultAPIVersion: '1.51', GoVersion: 'go1.24.9', GitCommit: CLIENT_GIT_COMMIT, BuildTime: 'Tue Nov  4 14:37:17 2025', Os: 'linux', Arch: 'amd64', Context: 'default' });

function goDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${day} ${mon} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

export const versionRun: Handler = async (ctx, _args, flags) => {
  const CLIENT = client();
  const server = await call(() => daemonOf(ctx).version());
  const format = str(flags, 'format');
  if (format) {
    const t = Template.parse(format);
    await ctx.io.stdout.write(t.execute({ Client: CLIENT, Server: server }) + '\n');
    return 0;
  }
  const pad = (k: string, w: number) => (k + ':').padEnd(w);
  let out = `Client: ${CLIENT.Platform.Name}\n`;
  for (const [k, v] of [['Version', CLIENT.Version], ['API version', CLIENT.ApiVersion], ['Go version', CLIENT.GoVersion], ['Git commit', CLIENT.GitCommit], ['Built', CLIENT.BuildTime], ['OS/Arch', `${CLIENT.Os}/${CLIENT.Arch}`], ['Context', CLIENT.Context]]) {
    out += ` ${pad(k, 18)} ${v}\n`;
  }
  out += `\nServer: ${server.Platform.Name}\n`;
  for (const c of server.Components) {
    out += ` ${c.Name}:\n`;
    const d = c.Details ?? {};
    if (c.Name === 'Engine') {
      out += `  ${'Version:'.padEnd(17)} ${c.Version}\n`;
      out += `  ${'API version:'.padEnd(17)} ${d.ApiVersion} (minimum version ${d.MinAPIVersion})\n`;
      out += `  ${'Go version:'.padEnd(17)} ${d.GoVersion}\n`;
      out += `  ${'Git commit:'.padEnd(17)} ${d.GitCommit}\n`;
      out += `  ${'Built:'.padEnd(17)} ${goDate(d.BuildTime)}\n`;
      out += `  ${'OS/Arch:'.padEnd(17)} ${d.Os}/${d.Arch}\n`;
      out += `  ${'Experimental:'.padEnd(17)} ${d.Experimental}\n`;
    } else {
      out += `  ${'Version:'.padEnd(17)} ${c.Version}\n`;
      for (const [k, v] of Object.entries(d)) out += `  ${(k + ':').padEnd(17)} ${v}\n`;
    }
  }
  await ctx.io.stdout.write(out);
};

export const spec = verb({
  use: 'version [OPTIONS]', short: 'Show the Docker version information',
  args: { kind: 'none' }, categoryTop: 10,
  flags: [inspectFormatFlag()],
  run: versionRun
});
