/**
 * One sentence per condition, in zh and en: what is not yet true ("还没有名为 web 且正在运行的容器" /
 * "no running container named web yet"), or, once met, what now is.
 */
import type { Condition, Lang } from './types';

const STATE_ZH: Record<string, string> = { created: '已创建', running: '正在运行', paused: '已暂停', restarting: '正在重启', exited: '已退出', dead: '已死亡' };

type Phrase = { zh: string; en: string };

/** The thing a condition asks for, as a noun phrase. */
function thing(c: Condition): Phrase {
  if ('typed' in c) {
    const st = c.status === undefined ? '' : c.status === 0 ? '' : `（退出码 ${c.status}）`;
    const ste = c.status === undefined || c.status === 0 ? '' : ` (exit status ${c.status})`;
    return { zh: `运行「${c.typed}」${st}`, en: `"${c.typed}" run${ste}` };
  }
  if ('lastExit' in c) return { zh: `上一条命令以状态 ${c.lastExit} 结束`, en: `the last command ending with status ${c.lastExit}` };
  if ('image' in c) {
    const i = c.image;
    const zh: string[] = [];
    const en: string[] = [];
    if (i.file) { zh.push(`含有文件 ${i.file}`); en.push(`holding ${i.file}`); }
    if (i.noFile) { zh.push(`不含文件 ${i.noFile}`); en.push(`without ${i.noFile}`); }
    if (i.layers !== undefined) { zh.push(`恰好 ${i.layers} 层`); en.push(`with exactly ${i.layers} layers`); }
    if (i.minLayers !== undefined) { zh.push(`至少 ${i.minLayers} 层`); en.push(`with at least ${i.minLayers} layers`); }
    if (i.author !== undefined) { zh.push(`作者为 “${i.author}”`); en.push(`by author "${i.author}"`); }
    if (i.comment !== undefined) { zh.push(`说明为 “${i.comment}”`); en.push(`with message "${i.comment}"`); }
    if (i.history !== undefined) { zh.push(`历史中有 “${i.history}”`); en.push(`whose history has "${i.history}"`); }
    for (const [k, v] of Object.entries(i.config ?? {})) {
      const val = typeof v === 'object' && !Array.isArray(v) ? v.contains : JSON.stringify(v);
      zh.push(`${k} 为 ${val}`);
      en.push(`with ${k} ${val}`);
    }
    if (i.sharesLayersWith) { zh.push(`与 ${i.sharesLayersWith} 共用底层`); en.push(`sharing its base layer with ${i.sharesLayersWith}`); }
    return { zh: `镜像 ${i.ref}${zh.length ? '（' + zh.join('，') + '）' : ''}`, en: `image ${i.ref}${en.length ? ' ' + en.join(', ') : ''}` };
  }
  if ('container' in c) {
    const w = c.container;
    const zh: string[] = [];
    const en: string[] = [];
    if (w.image) { zh.push(`由 ${w.image} 创建`); en.push(`from ${w.image}`); }
    if (w.exitCode !== undefined) { zh.push(`以退出码 ${w.exitCode} 退出`); en.push(`that exited with code ${w.exitCode}`); }
    if (w.oomKilled) { zh.push('因内存不足被杀死（OOMKilled）'); en.push('killed for lack of memory (OOMKilled)'); }
    if (w.tty) { zh.push('带终端（-t）'); en.push('with a terminal (-t)'); }
    if (w.interactive) { zh.push('保持标准输入（-i）'); en.push('keeping stdin open (-i)'); }
    if (w.port !== undefined) { zh.push(`把端口 ${w.port} 发布到主机${w.hostPort ? ` ${w.hostPort}` : ''}`); en.push(`publishing port ${w.port}${w.hostPort ? ` on host port ${w.hostPort}` : ''}`); }
    else if (w.hostPort !== undefined) { zh.push(`占用主机端口 ${w.hostPort}`); en.push(`on host port ${w.hostPort}`); }
    if (w.mount) {
      const kind = w.mount.type === 'bind' ? { zh: '绑定挂载', en: 'a bind mount' } : w.mount.type === 'volume' ? { zh: '数据卷', en: 'a volume' } : { zh: '挂载', en: 'a mount' };
      const ro = w.mount.rw === false ? { zh: '（只读）', en: ' (read-only)' } : { zh: '', en: '' };
      zh.push(`在 ${w.mount.target} 有${kind.zh}${w.mount.name ? ` ${w.mount.name}` : ''}${ro.zh}`);
      en.push(`with ${kind.en}${w.mount.name ? ` ${w.mount.name}` : ''} at ${w.mount.target}${ro.en}`);
    }
    if (w.changed) { zh.push(`可写层里有 ${w.changed}`); en.push(`whose writable layer has ${w.changed}`); }
    if (w.file) { zh.push(`能看到文件 ${w.file.path}${w.file.contains ? `（含 “${w.file.contains}”）` : ''}`); en.push(`seeing ${w.file.path}${w.file.contains ? ` containing "${w.file.contains}"` : ''}`); }
    if (w.network) { zh.push(`接入网络 ${w.network}`); en.push(`on network ${w.network}`); }
    if (w.link) { zh.push(`链接到 ${w.link}`); en.push(`linked to ${w.link}`); }
    if (w.memory !== undefined) { zh.push(`内存上限 ${w.memory} 字节`); en.push(`limited to ${w.memory} bytes of memory`); }
    if (w.nanoCpus !== undefined) { zh.push(`CPU 上限 ${w.nanoCpus / 1e9}`); en.push(`limited to ${w.nanoCpus / 1e9} CPUs`); }
    if (w.pidMode) { zh.push(`PID 命名空间为 ${w.pidMode}`); en.push(`in the ${w.pidMode} PID namespace`); }
    if (w.volumesFrom) { zh.push(`使用 ${w.volumesFrom} 的数据卷`); en.push(`using the volumes of ${w.volumesFrom}`); }
    if (w.hostname) { zh.push(`主机名为 ${w.hostname}`); en.push(`with hostname ${w.hostname}`); }
    if (w.restartPolicy) { zh.push(`重启策略为 ${w.restartPolicy}`); en.push(`with restart policy ${w.restartPolicy}`); }
    if (w.minRestarts !== undefined) { zh.push(`至少重启过 ${w.minRestarts} 次`); en.push(`restarted at least ${w.minRestarts} times`); }
    if (w.command) { zh.push(`运行 “${w.command.contains}”`); en.push(`running "${w.command.contains}"`); }
    const state = w.state ? { zh: STATE_ZH[w.state] ?? w.state, en: w.state } : undefined;
    const name = w.name ? { zh: `名为 ${w.name} `, en: ` named ${w.name}` } : { zh: '', en: '' };
    const count = w.count !== undefined ? { zh: `${w.count} 个`, en: `${w.count} ` } : { zh: '', en: '' };
    return {
      zh: `${count.zh}${name.zh}${state ? `${state.zh}的` : ''}容器${zh.length ? '（' + zh.join('，') + '）' : ''}`,
      en: `${count.en}${state ? state.en + ' ' : ''}container${w.count !== undefined && w.count !== 1 ? 's' : ''}${name.en}${en.length ? ' ' + en.join(', ') : ''}`,
    };
  }
  if ('volume' in c) {
    const v = c.volume;
    const f = v.file ? { zh: `（含文件 ${v.file}${v.contains ? `，内容有 “${v.contains}”` : ''}）`, en: ` holding ${v.file}${v.contains ? ` with "${v.contains}"` : ''}` } : { zh: '', en: '' };
    const u = v.usedBy ? { zh: `（被 ${v.usedBy} 使用）`, en: ` used by ${v.usedBy}` } : { zh: '', en: '' };
    return { zh: `数据卷 ${v.name}${f.zh}${u.zh}`, en: `volume ${v.name}${f.en}${u.en}` };
  }
  if ('network' in c) {
    const n = c.network;
    return {
      zh: `网络 ${n.name}${n.driver ? `（${n.driver} 驱动）` : ''}${n.container ? `，且 ${n.container} 已接入` : ''}`,
      en: `network ${n.name}${n.driver ? ` (${n.driver} driver)` : ''}${n.container ? ` with ${n.container} attached` : ''}`,
    };
  }
  if ('hostFile' in c) {
    const h = c.hostFile;
    return { zh: `主机文件 ${h.path}${h.contains ? `（含 “${h.contains}”）` : ''}`, en: `host file ${h.path}${h.contains ? ` containing "${h.contains}"` : ''}` };
  }
  if ('process' in c) {
    const p = c.process;
    return {
      zh: `容器 ${p.container} 里运行 “${p.command}” 的进程${p.nsPid !== undefined ? `（容器内 PID ${p.nsPid}）` : ''}`,
      en: `a process running "${p.command}" in container ${p.container}${p.nsPid !== undefined ? ` with PID ${p.nsPid} inside` : ''}`,
    };
  }
  const e = c.engine;
  return {
    zh: e.mirror ? `Docker 引擎使用镜像加速器 ${e.mirror}` : e.running === false ? 'Docker 引擎已停止' : 'Docker 引擎正在运行',
    en: e.mirror ? `the Docker engine using the registry mirror ${e.mirror}` : e.running === false ? 'the Docker engine stopped' : 'the Docker engine running',
  };
}

/** The sentence for a condition: what is missing (unmet) or what is there (met). */
export function describeCondition(c: Condition, met: boolean, lang: Lang): string {
  const t = thing(c);
  const absent = ('image' in c && c.image.absent) || ('container' in c && c.container.absent) || ('volume' in c && c.volume.absent) ||
    ('network' in c && c.network.absent) || ('hostFile' in c && c.hostFile.absent);
  if ('typed' in c) return lang === 'zh' ? (met ? `已${t.zh}` : `还没有${t.zh}`) : met ? `${t.en}` : `${t.en.replace(/ run( \(|$)/, '$1')} not run yet`;
  if ('lastExit' in c) return lang === 'zh' ? (met ? t.zh : `还没有${t.zh}`) : met ? t.en.replace(/^the last command ending/, 'the last command ended') : `not yet ${t.en}`;
  if ('engine' in c) return lang === 'zh' ? (met ? t.zh : `还没有：${t.zh}`) : met ? t.en : `not yet: ${t.en}`;
  if (absent) return lang === 'zh' ? (met ? `已经没有${t.zh}` : `还有${t.zh}`) : met ? `no ${t.en} any more` : `${t.en} still there`;
  return lang === 'zh' ? (met ? `有${t.zh}` : `还没有${t.zh}`) : met ? `${t.en} exists` : `no ${t.en} yet`;
}
