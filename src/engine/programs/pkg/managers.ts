/** The package managers and the programs the catalogue's packages name that live here, by name. */
import type { Program } from '../../process/types';
import { aptGet } from './apt';
import { aptMark } from './apt-mark';
import { apk } from './apk';
import { dpkg, rpm } from './dpkg';
import { yum } from './yum';
import { cowsay, fortune } from './cowsay';

export const PACKAGE_PROGRAMS: Record<string, Program> = {
  'apt-get': aptGet, apt: aptGet, 'apt-mark': aptMark, dpkg, 'dpkg-query': dpkg, apk, yum, dnf: yum, rpm, cowsay, fortune,
};
