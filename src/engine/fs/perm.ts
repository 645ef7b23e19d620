/**
 * Linux's permission rules (generic_permission, may_delete, chmod/chown rules), with the caller's
 * Cred. uid 0 stands in for CAP_DAC_OVERRIDE/CAP_FOWNER/CAP_CHOWN: it passes read/write/search
 * checks, but executing a non-directory still needs at least one x bit.
 */
import { R_OK, W_OK, X_OK, type Cred, type Stat } from '../../api/fs';

export function inGroup(cred: Cred, gid: number): boolean {
  return cred.gid === gid || cred.groups.includes(gid);
}

/** May `cred` access a file with stat `st` for `mask` (R_OK|W_OK|X_OK)? */
export function permits(st: Stat, cred: Cred, mask: number): boolean {
  if (cred.uid === 0) {
    if (mask & X_OK && st.kind !== 'dir' && (st.mode & 0o111) === 0) return false;
    return true;
  }
  const bits = cred.uid === st.uid ? (st.mode >> 6) & 7 : inGroup(cred, st.gid) ? (st.mode >> 3) & 7 : st.mode & 7;
  return (bits & mask) === mask;
}

/** The sticky-bit rule for deleting or renaming `victim` out of directory `dir`. */
export function stickyAllows(dir: Stat, victim: Stat, cred: Cred): boolean {
  if (!(dir.mode & 0o1000) || cred.uid === 0) return true;
  return cred.uid === victim.uid || cred.uid === dir.uid;
}

export { R_OK, W_OK, X_OK };
