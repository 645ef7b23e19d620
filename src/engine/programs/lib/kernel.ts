/**
 * The simulated kernel's identity (uname, `docker info`): a module of its own so the daemon can
 * read it without the userland's code (sysinfo.ts is in the userland chunk, issue 16).
 */
export const KERNEL = { release: '6.8.0-87-generic', version: '#88-Ubuntu SMP PREEMPT_DYNAMIC Sat Oct 11 09:28:41 UTC 2025', machine: 'x86_64' };
