/**
 * How long a lesson's share link is: the lesson's start as the base and every step's reference
 * solution as the typed log (the longest a learner following the lesson makes, typos aside).
 * The bound: a typical lesson link fits a chat message (under 2,000 characters).
 */
import { describe, expect, it } from 'vitest';
import { lessonsOnDisk } from './lesson-files';
import { encodeLink } from '../ui/session/link';


describe('lesson share links', () => {
  it('every lesson, solved to its last step, makes a link under 2,000 characters', () => {
    const lessons = lessonsOnDisk();
    expect(lessons.length).toBeGreaterThan(0);
    const sizes: string[] = [];
    for (const l of lessons) {
      const log = l.steps.flatMap((s) => s.solution);
      const url = 'https://example.org/docker-lab/' + encodeLink({
        v: 1,
        lesson: { id: l.id, hash: 'f'.repeat(16), step: l.steps.length - 1 },
        lang: 'zh-CN',
        seed: 1,
        log,
        from: { lesson: l.id, step: 0 },
        digest: '01234567.89abcdef.00000000.11111111.22222222',
      });
      sizes.push(`${l.id} ${url.length}`);
      expect(url.length, l.id).toBeLessThan(2000);
    }
    console.log('lesson link sizes (characters):\n' + sizes.join('\n'));
  });
});
