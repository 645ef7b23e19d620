/**
 * Lesson text to HTML: marked, then DOMPurify (a lesson may come from a teacher's file or a link;
 * nothing in it runs). Code blocks get a button that types their text into the terminal.
 */
import { marked } from 'marked';
import DOMPurify from 'dompurify';

export function renderMarkdown(md: string): string {
  const html = marked.parse(md, { async: false, gfm: true, breaks: false }) as string;
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input', 'iframe'], FORBID_ATTR: ['style'] });
}
