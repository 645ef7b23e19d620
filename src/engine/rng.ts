/**
 * The machine's one source of chance. Seeded, so the headless runner and tests reproduce the same
 * container IDs, names and addresses; its state is plain data, so a snapshot restores it exactly.
 * Algorithm: sfc32 (small, fast, good statistical quality, 128-bit state).
 */
export class Rng {
  private s: [number, number, number, number];

  constructor(seed: number | [number, number, number, number] = 1) {
    if (Array.isArray(seed)) {
      this.s = [...seed] as [number, number, number, number];
    } else {
      this.s = [0x9e3779b9, 0x243f6a88, 0xb7e15162, seed >>> 0];
      for (let i = 0; i < 15; i++) this.nextU32();
    }
  }

  nextU32(): number {
    let [a, b, c, d] = this.s;
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    this.s = [a >>> 0, b, c, d];
    return t;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /**
   * Fill `out` with the bytes `int(256)` would give one by one (the top byte of each draw), in a
   * loop that keeps the state in locals: /dev/urandom serves megabytes at a time.
   */
  fill(out: Uint8Array): Uint8Array {
    let [a, b, c, d] = this.s;
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    for (let i = 0; i < out.length; i++) {
      const t = (((a + b) >>> 0) + d) >>> 0;
      d = (d + 1) >>> 0;
      a = (b ^ (b >>> 9)) >>> 0;
      b = (c + (c << 3)) >>> 0;
      c = (((c << 21) | (c >>> 11)) + t) >>> 0;
      out[i] = t >>> 24;
    }
    this.s = [a, b, c, d];
    return out;
  }

  /** `n` random bytes as lower-case hex (Docker IDs are 32 bytes → 64 hex). */
  hex(bytes: number): string {
    let out = '';
    for (let i = 0; i < bytes; i++) out += (this.nextU32() & 0xff).toString(16).padStart(2, '0');
    return out;
  }

  state(): [number, number, number, number] {
    return [...this.s] as [number, number, number, number];
  }
}
