/**
 * The simulated Docker Hub's official repositories: repository → tag → recipe. Recipes are
 * functions, so nothing is built at start-up; `registry.ts` builds an image on first pull.
 */
import { golangAlpine317, golangBookworm, mongo, mysql, nginx, node, PYTHON, redis } from './catalog-apps';
import { httpd, registryImage, tomcat } from './catalog-apps2';
import { ALPINE, ALPINE_LATEST, alpine, busybox, centos, debianImage, helloWorld } from './catalog-os';
import type { ImageSpec } from './recipe';

type Tags = Record<string, () => ImageSpec>;

function alpineTags(): Tags {
  const t: Tags = { latest: () => alpine(ALPINE_LATEST), '3': () => alpine(ALPINE_LATEST) };
  for (const [minor, [full]] of Object.entries(ALPINE)) {
    t[minor] = () => alpine(minor);
    t[full] = () => alpine(minor);
  }
  return t;
}

/** Repository path (`library/ubuntu`) → tags. */
export const OFFICIAL: Record<string, Tags> = {
  'library/hello-world': { latest: helloWorld, linux: helloWorld },
  'library/busybox': { latest: busybox, '1.37': busybox, '1.37.0': busybox, stable: busybox },
  'library/alpine': alpineTags(),
  'library/ubuntu': {
    latest: () => debianImage('24.04'), '24.04': () => debianImage('24.04'), noble: () => debianImage('24.04'),
    '22.04': () => debianImage('22.04'), jammy: () => debianImage('22.04'),
    '21.04': () => debianImage('21.04'), hirsute: () => debianImage('21.04'),
    '20.04': () => debianImage('20.04'), focal: () => debianImage('20.04'),
    '18.04': () => debianImage('18.04'), bionic: () => debianImage('18.04'),
    '16.04': () => debianImage('16.04'), xenial: () => debianImage('16.04'),
    '15.10': () => debianImage('15.10'), wily: () => debianImage('15.10'),
  },
  'library/debian': {
    latest: () => debianImage('bookworm'), bookworm: () => debianImage('bookworm'), '12': () => debianImage('bookworm'),
    'bookworm-slim': () => debianImage('bookworm-slim'), '12-slim': () => debianImage('bookworm-slim'),
    bullseye: () => debianImage('bullseye'), '11': () => debianImage('bullseye'), 'bullseye-slim': () => debianImage('bullseye-slim'),
    buster: () => debianImage('buster'), '10': () => debianImage('buster'), 'buster-slim': () => debianImage('buster-slim'),
    stretch: () => debianImage('stretch'), '9': () => debianImage('stretch'), 'stretch-slim': () => debianImage('stretch-slim'),
    wheezy: () => debianImage('wheezy'), '7': () => debianImage('wheezy'),
  },
  'library/centos': { latest: () => centos('8'), '8': () => centos('8'), '7': () => centos('7'), centos7: () => centos('7'), centos8: () => centos('8') },
  'library/nginx': { latest: () => nginx('debian'), mainline: () => nginx('debian'), '1.27': () => nginx('debian'), '1.27.4': () => nginx('debian'), alpine: () => nginx('alpine'), '1.27-alpine': () => nginx('alpine') },
  'library/redis': { latest: () => redis('debian'), '7': () => redis('debian'), '7.4': () => redis('debian'), '7.4.2': () => redis('debian'), alpine: () => redis('alpine'), '7-alpine': () => redis('alpine') },
  'library/python': { ...PYTHON, '3': PYTHON.latest, '3.13': PYTHON.latest, '3.9.5': PYTHON['3.9.5-slim'], '3-slim': PYTHON.slim, '3.13-slim': PYTHON.slim },
  'library/golang': { latest: golangBookworm, '1.24': golangBookworm, '1.24.1': golangBookworm, bookworm: golangBookworm, '1.24-bookworm': golangBookworm, 'alpine3.17': golangAlpine317, '1.21-alpine3.17': golangAlpine317, '1.21.0-alpine3.17': golangAlpine317 },
  'library/node': { latest: node, '23': node, current: node },
  'library/mysql': { latest: mysql, '9': mysql, '9.2': mysql, innovation: mysql },
  'library/mongo': {
    latest: () => mongo('8.0.5', '24.04', 720_000_000, '2025-02-27T21:05:10Z'),
    '8.0': () => mongo('8.0.5', '24.04', 720_000_000, '2025-02-27T21:05:10Z'),
    '4.4.20-rc0': () => mongo('4.4.20-rc0', '20.04', 432_000_000, '2023-03-22T17:36:00Z'),
    '3.2': () => mongo('3.2.22', 'stretch', 300_000_000, '2019-05-10T20:10:27Z'),
  },
  'library/httpd': { latest: httpd, '2': httpd, '2.4': httpd, '2.4.63': httpd },
  'library/tomcat': { latest: tomcat, '10': tomcat, '10.1': tomcat, '10.1.36': tomcat },
  'library/registry': { latest: registryImage, '2': registryImage, '2.8': registryImage, '2.8.3': registryImage },
};
