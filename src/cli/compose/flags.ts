/** Reading parsed flag values (pflag's types as the framework parses them). */
import type { FlagValues } from '../framework/types';

export { bool, list, str } from '../commands/shared/common';

export function num(flags: FlagValues | Record<string, unknown>, name: string): number {
  const v = flags[name];
  return typeof v === 'number' ? v : Number(v ?? 0) || 0;
}
