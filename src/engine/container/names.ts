/**
 * Container names as Docker makes them: `adjective_surname`, never `boring_wozniak`, with a digit
 * appended on retries; after six taken names the daemon falls back to the short ID.
 */
import type { Rng } from '../rng';
import { LEFT, RIGHT } from './names-data';

export function randomName(rng: Rng, retry: number): string {
  for (;;) {
    const name = `${LEFT[rng.int(LEFT.length)]}_${RIGHT[rng.int(RIGHT.length)]}`;
    if (name === 'boring_wozniak') continue; // "Steve Wozniak is not boring"
    return retry > 0 ? `${name}${rng.int(10)}` : name;
  }
}

export function generateName(rng: Rng, taken: (name: string) => boolean, shortId: string): string {
  for (let i = 0; i < 6; i++) {
    const name = randomName(rng, i);
    if (!taken(name)) return name;
  }
  return shortId;
}

export const VALID_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
