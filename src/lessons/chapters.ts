/** The notes' chapter names, in order (ids' first part). */
export const CHAPTERS: { id: string; zh: string; en: string }[] = [
  { id: 'basics', zh: '入门：Docker 是什么', en: 'Basics: what Docker is' },
  { id: 'images', zh: '镜像', en: 'Images' },
  { id: 'containers', zh: '容器', en: 'Containers' },
  { id: 'layers', zh: '分层与联合文件系统', en: 'Layers and the union filesystem' },
  { id: 'volumes', zh: '数据卷', en: 'Volumes' },
  { id: 'dockerfile', zh: 'Dockerfile', en: 'Dockerfile' },
  { id: 'network', zh: '网络', en: 'Networking' },
  { id: 'registry', zh: '仓库与分发', en: 'Registries' },
  { id: 'internals', zh: '底层原理', en: 'Internals' },
  { id: 'compose', zh: 'Docker Compose', en: 'Docker Compose' },
];
