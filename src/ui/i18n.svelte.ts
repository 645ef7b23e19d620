/**
 * A minimal typed dictionary (zh-CN first, en) for the page chrome. Lesson text will come later with
 * its own files; this only holds the labels the page itself shows.
 */
const zh = {
  subtitle: '在浏览器里学 Docker — 无需安装',
  terminal: '终端',
  layers: '镜像分层',
  layersHint: '从下往上：底层在下。多个镜像共用的层只画一次。',
  noImages: '还没有本地镜像。试试输入',
  shared: '共享',
  booting: '正在启动模拟机器…',
  bootFailed: '模拟机器启动失败',
  langName: '中文',
  processes: '进程',
  processesHint: '主机的进程树；绿色的是容器里的进程：容器内 PID 与主机 PID 并列',
  host: '主机',
  containers: '容器的可写层',
  containersHint: '每个容器在它的镜像之上有自己的一层；A 新增 · C 修改 · D 删除（白化）',
  noChanges: '没有改动',
  more: '还有',
};

type Dict = { [K in keyof typeof zh]: string };

const en: Dict = {
  subtitle: 'Learn Docker in your browser — nothing to install',
  terminal: 'Terminal',
  layers: 'Image layers',
  layersHint: 'Bottom layer at the bottom. A layer shared by several images is drawn once.',
  noImages: 'No local images yet. Try typing',
  shared: 'shared',
  booting: 'Booting the simulated machine…',
  bootFailed: 'The simulated machine failed to boot',
  langName: 'English',
  processes: 'Processes',
  processesHint: "The host's process tree; green rows run in a container: its PID inside beside the host PID",
  host: 'host',
  containers: "Containers' writable layers",
  containersHint: 'Each container has its own layer on top of its image; A added · C changed · D deleted (whiteout)',
  noChanges: 'no changes',
  more: 'more',
};

export const dictionaries = { 'zh-CN': zh, en } satisfies Record<string, Dict>;
export type Lang = keyof typeof dictionaries;
export const langs: Lang[] = ['zh-CN', 'en'];

function initial(): Lang {
  try {
    const saved = localStorage.getItem('docker-lab.lang');
    if (saved === 'zh-CN' || saved === 'en') return saved;
  } catch {
    /* storage unavailable */
  }
  return 'zh-CN';
}

export const i18n = $state({ lang: initial() });

export function setLang(lang: Lang): void {
  i18n.lang = lang;
  document.documentElement.lang = lang;
  try {
    localStorage.setItem('docker-lab.lang', lang);
  } catch {
    /* storage unavailable */
  }
}

export function t(key: keyof Dict): string {
  return dictionaries[i18n.lang][key];
}
