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
  pictureLoading: '正在载入图示…',
  langName: '中文',
  processes: '进程',
  processesHint: '主机的进程树；绿色的是容器里的进程：容器内 PID 与主机 PID 并列',
  host: '主机',
  containers: '容器的可写层',
  containersHint: '每个容器在它的镜像之上有自己的一层；A 新增 · C 修改 · D 删除（白化）',
  noChanges: '没有改动',
  more: '还有',
  files: '文件',
  filesHint: '你在主机上的文件夹（/home/learner）。点一个文件即可编辑；也可以在终端输入 edit 文件名。',
  save: '保存',
  close: '关闭',
  saved: '已保存',
  unsaved: '未保存',
  discard: '文件有未保存的修改，确定要关闭吗？',
  newFile: '新文件（保存后创建）',
  browser: '浏览器',
  browserHint: '打开本机发布的端口，例如 http://localhost:8080/（不运行页面里的脚本）',
  go: '打开',
  reload: '刷新',
  noFiles: '文件夹是空的',
  network: '网络',
  networkHint: '主机在上，下面是各个网桥和接在上面的容器（IP、别名、--link）。点发布的端口可在浏览器标签里打开。',
  published: '发布的端口',
  noPorts: '没有发布端口（-p / -P）',
  dnsOn: '可按容器名解析',
  dnsOff: '不能按容器名解析（默认网桥）',
  noMembers: '没有容器接在这个网络上',
  alias: '网络别名',
  noBridge: '不在网桥上（--network host / none / container:…）',
  noNetworkYet: '还没有运行中的容器接在网络上。试试',
  mounts: '挂载（绕过联合文件系统）',
  readOnly: '只读',
  build: '构建步骤',
  buildHint: '每条指令做了什么：新的一层（大小、改动的文件）或使用缓存，以及原因',
  cached: '使用缓存',
  notCached: '重新执行',
  noLayer: '只改配置，不产生新层',
  building: '构建中…',
  buildFailed: '构建失败',
  volume: '数据卷',
  bindMount: '绑定挂载 主机',
  tmpfs: 'tmpfs（内存）',
  pageLinks: '页面里的链接：',
  lessons: '课程',
  composeProject: 'Compose 项目',
  sandbox: '自由练习',
  sandboxHint: '关闭课程，机器保持现在的样子',
  startFirst: '从第一课开始',
  welcome: '跟着笔记一步一步学 Docker：每一步都在这台模拟机器上检查你是否真的做到了。',
  hint: '提示',
  nextHint: '再给一个提示',
  showSolution: '显示答案',
  resetStep: '重做这一步',
  restartLesson: '重新开始本课',
  stepDone: '完成',
  lessonDone: '本课完成！',
  nextLesson: '下一课',
  toTerminal: '发送到终端',
  goals: '目标',
  whatHappened: '发生了什么',
  preparing: '正在准备这一课的机器…',
  backToList: '课程列表',
  step: '第 {n} 步',
  openFailed: '无法打开课程',
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
  pictureLoading: 'Loading the picture…',
  langName: 'English',
  processes: 'Processes',
  processesHint: "The host's process tree; green rows run in a container: its PID inside beside the host PID",
  host: 'host',
  containers: "Containers' writable layers",
  containersHint: 'Each container has its own layer on top of its image; A added · C changed · D deleted (whiteout)',
  noChanges: 'no changes',
  more: 'more',
  files: 'Files',
  filesHint: 'Your folder on the host (/home/learner). Click a file to edit it, or type edit FILE in the terminal.',
  save: 'Save',
  close: 'Close',
  saved: 'saved',
  unsaved: 'unsaved',
  discard: 'The file has unsaved changes. Close it anyway?',
  newFile: 'new file (created when saved)',
  browser: 'Browser',
  browserHint: 'Opens ports published on this machine, e.g. http://localhost:8080/ (page scripts do not run)',
  go: 'Go',
  reload: 'Reload',
  noFiles: 'The folder is empty',
  network: 'Network',
  networkHint: 'The host on top, then each bridge with the containers plugged into it (address, aliases, --link). Click a published port to open it in the Browser tab.',
  published: 'Published ports',
  noPorts: 'No published ports (-p / -P)',
  dnsOn: 'names resolve (embedded DNS)',
  dnsOff: 'no name resolution (default bridge)',
  noMembers: 'No container on this network',
  alias: 'network alias',
  noBridge: 'Not on a bridge (--network host / none / container:…)',
  noNetworkYet: 'No running container on a network yet. Try',
  mounts: 'Mounts (bypass the union filesystem)',
  readOnly: 'read-only',
  build: 'Build steps',
  buildHint: 'What each instruction did: a new layer (size, files changed) or the cache, and why',
  cached: 'CACHED',
  notCached: 'ran',
  noLayer: 'config only, no new layer',
  building: 'building…',
  buildFailed: 'build failed',
  volume: 'volume',
  bindMount: 'bind mount of host',
  tmpfs: 'tmpfs (memory)',
  pageLinks: 'Links on this page:',
  lessons: 'Lessons',
  composeProject: 'Compose project',
  sandbox: 'Sandbox',
  sandboxHint: 'Leave the lesson; the machine stays as it is',
  startFirst: 'Start the first lesson',
  welcome: 'Learn Docker step by step, following the notes: each step checks on this simulated machine that you really did it.',
  hint: 'Hint',
  nextHint: 'Another hint',
  showSolution: 'Show solution',
  resetStep: 'Redo this step',
  restartLesson: 'Restart lesson',
  stepDone: 'done',
  lessonDone: 'Lesson complete!',
  nextLesson: 'Next lesson',
  toTerminal: 'Send to terminal',
  goals: 'Goal',
  whatHappened: 'What happened',
  preparing: "Preparing this lesson's machine…",
  backToList: 'All lessons',
  step: 'Step {n}',
  openFailed: 'Could not open the lesson',
};

export const dictionaries = { 'zh-CN': zh, en } satisfies Record<string, Dict>;
export type Lang = keyof typeof dictionaries;
export const langs: Lang[] = ['zh-CN', 'en'];

function initial(): Lang {
  // `?lang=en` / `?lang=zh` in the address wins (a teacher's link chooses the language).
  try {
    const q = new URLSearchParams(location.search).get('lang');
    if (q === 'en') return 'en';
    if (q === 'zh' || q === 'zh-CN') return 'zh-CN';
  } catch {
    /* no location (tests) */
  }
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

/** The lessons' language code for the page's language. */
export function lessonLang(): 'zh' | 'en' {
  return i18n.lang === 'en' ? 'en' : 'zh';
}
