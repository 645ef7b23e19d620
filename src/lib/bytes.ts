/** Join byte chunks into one array (`n`: their total length, when the caller already knows it). */
export function concatBytes(parts: Uint8Array[], n = parts.reduce((a, p) => a + p.length, 0)): Uint8Array {
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
