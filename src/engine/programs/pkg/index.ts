/** Registers the package managers and the programs the catalogue's packages name that live here. */
import { registerProgram } from '../registry';
import { aptGet } from './apt';
import { aptMark } from './apt-mark';
import { apk } from './apk';
import { dpkg, rpm } from './dpkg';
import { yum } from './yum';
import { cowsay, fortune } from './cowsay';

export function registerPackageManagers(): void {
  registerProgram('apt-get', aptGet);
  registerProgram('apt', aptGet);
  registerProgram('apt-mark', aptMark);
  registerProgram('dpkg', dpkg);
  registerProgram('dpkg-query', dpkg);
  registerProgram('apk', apk);
  registerProgram('yum', yum);
  registerProgram('dnf', yum);
  registerProgram('rpm', rpm);
  registerProgram('cowsay', cowsay);
  registerProgram('fortune', fortune);
}
