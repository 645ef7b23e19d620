/**
 * TEMPORARY STUB so the UI can be built in parallel with the engine: boots nothing, echoes input.
 * The real Machine replaces this file; its public surface below stays the same.
 */
import { VirtualClock, type Clock } from './clock';
import { Emitter } from './events';
import type { TerminalSession } from './terminal';
import type { MachineView } from './view';

export interface BootOptions {
  /** Seed of the random source (IDs, names, addresses). */
  seed?: number;
  /** 'virtual' for tests and the headless runner, 'real' in the browser. */
  clock?: 'real' | 'virtual';
}

export class Machine {
  readonly events = new Emitter();
  readonly clock: Clock = new VirtualClock();

  static async boot(_opts: BootOptions = {}): Promise<Machine> {
    return new Machine();
  }

  openTerminal(): TerminalSession {
    const outs = new Set<(s: string) => void>();
    let line = '';
    const emit = (s: string) => outs.forEach((f) => f(s));
    queueMicrotask(() => emit('learner@docker-lab:~$ '));
    return {
      input(data) {
        for (const ch of data) {
          if (ch === '\r') {
            emit('\r\n');
            if (line.trim() === 'docker run hello-world') emit('\r\nHello from Docker!\r\n');
            line = '';
            emit('learner@docker-lab:~$ ');
          } else {
            line += ch;
            emit(ch);
          }
        }
      },
      onOutput(fn) {
        outs.add(fn);
        return () => outs.delete(fn);
      },
      resize() {},
      awaitingInput: () => true,
      close() {},
    };
  }

  describe(): MachineView {
    return { images: [], containers: [] };
  }
}
