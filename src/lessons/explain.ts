/**
 * "What happened inside", computed from the machine once a step is done: the layer an image got
 * (size, what made it), a container's PID inside and on the host, its address, its writable layer.
 * Never canned: every figure is read through MachineQuery at that moment.
 */
import type { ContainerFacts, MachineQuery } from '../api/machine-query';
import type { ExplainItem, Lang } from './types';

function human(n: number): string {
  if (n < 1000) return `${n}B`;
  const units = ['kB', 'MB', 'GB'];
  let v = n;
  let u = -1;
  while (v >= 1000 && u < units.length - 1) { v /= 1000; u++; }
  return `${v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : Math.round(v)}${units[u]}`;
}

function findContainer(all: ContainerFacts[], ref: string): ContainerFacts | undefined {
  // `latest` is the container created last, as `docker ps -l` shows it.
  if (ref === 'latest') return all[all.length - 1];
  return all.find((c) => c.name === ref || c.id.startsWith(ref));
}

export async function explainStep(items: ExplainItem[], q: MachineQuery, lang: Lang): Promise<string[]> {
  const zh = lang === 'zh';
  const out: string[] = [];
  for (const it of items) {
    if ('image' in it) {
      const img = await q.image(it.image);
      if (!img) continue;
      const id = img.id.replace(/^sha256:/, '').slice(0, 12);
      out.push(zh ? `镜像 ${it.image}（ID ${id}）：${img.layers} 层，共 ${human(img.size)}。` : `Image ${it.image} (ID ${id}): ${img.layers} layer${img.layers === 1 ? '' : 's'}, ${human(img.size)} in all.`);
      const top = img.history.filter((h) => h).slice(-1)[0];
      if (top) out.push(zh ? `最上面一层来自：${top.slice(0, 120)}` : `Its top entry was made by: ${top.slice(0, 120)}`);
      const same = (await q.images()).filter((o) => o.id !== img.id && o.layerIds[0] === img.layerIds[0]);
      if (same.length) out.push(zh ? `它和 ${same.map((s) => s.tags[0] ?? s.id.slice(7, 19)).join('、')} 共用底层，磁盘上只存一份。` : `It shares its base layer with ${same.map((s) => s.tags[0] ?? s.id.slice(7, 19)).join(', ')}: stored once on disk.`);
    } else if ('container' in it || 'diff' in it) {
      const ref = 'container' in it ? it.container : it.diff;
      const c = findContainer(await q.containers(), ref);
      if (!c) continue;
      if ('diff' in it) {
        const ch = c.changes.slice(0, 12).map((d) => `${d.kind} ${d.path}`);
        out.push(zh ? `容器 ${c.name} 的可写层里有 ${c.changes.length} 处改动：${ch.join('，')}` : `Container ${c.name}'s writable layer holds ${c.changes.length} changes: ${ch.join(', ')}`);
        continue;
      }
      const procs = (await q.processes()).filter((p) => p.container === c.id);
      const first = procs.find((p) => p.nsPid === 1);
      const state = zh ? { running: '正在运行', exited: `已退出（退出码 ${c.exitCode}）`, created: '已创建', paused: '已暂停' }[c.state] ?? c.state : c.state === 'exited' ? `exited (code ${c.exitCode})` : c.state;
      out.push(zh ? `容器 ${c.name}（ID ${c.id.slice(0, 12)}，来自 ${c.image}）${state}。` : `Container ${c.name} (ID ${c.id.slice(0, 12)}, from ${c.image}) is ${state}.`);
      if (first) out.push(zh ? `它的第一个进程 ${first.argv.join(' ')} 在容器里是 PID 1，在主机上是 PID ${first.pid}。` : `Its first process, ${first.argv.join(' ')}, is PID 1 inside and PID ${first.pid} on the host.`);
      if (c.ports.length) out.push(zh ? `发布的端口：${c.ports.map((p) => `主机 ${p.hostPort} → ${p.containerPort}`).join('，')}` : `Published ports: ${c.ports.map((p) => `host ${p.hostPort} → ${p.containerPort}`).join(', ')}`);
      if (c.mounts.length) out.push(zh ? `挂载：${c.mounts.map((m) => `${m.type} ${m.name ?? m.source} → ${m.target}${m.rw ? '' : '（只读）'}`).join('，')}` : `Mounts: ${c.mounts.map((m) => `${m.type} ${m.name ?? m.source} → ${m.target}${m.rw ? '' : ' (read-only)'}`).join(', ')}`);
      if (c.changes.length) out.push(zh ? `可写层里有 ${c.changes.length} 处改动（docker diff）。` : `Its writable layer holds ${c.changes.length} changes (docker diff).`);
      if (c.networks.length && c.state === 'running') out.push(zh ? `网络：${c.networks.join('、')}` : `Networks: ${c.networks.join(', ')}`);
    } else if ('volume' in it) {
      const v = (await q.volumes()).find((x) => x.name === it.volume);
      if (v) out.push(zh ? `数据卷 ${v.name} 的数据在主机的 ${v.mountpoint}${v.usedBy.length ? `，被 ${v.usedBy.join('、')} 使用` : ''}。` : `Volume ${v.name} keeps its data on the host at ${v.mountpoint}${v.usedBy.length ? `, used by ${v.usedBy.join(', ')}` : ''}.`);
    } else if ('network' in it) {
      const n = (await q.networks()).find((x) => x.name === it.network);
      if (n) out.push(zh ? `网络 ${n.name}（${n.driver}，${n.subnet}）上有：${n.containers.join('、') || '（无）'}` : `Network ${n.name} (${n.driver}, ${n.subnet}) has: ${n.containers.join(', ') || '(none)'}`);
    }
  }
  return out;
}
