/**
 * The browser pane's connection errors in the page's language. The engine words them as Chrome
 * does in English (`This site can't be reached: localhost refused to connect.
 * (ERR_CONNECTION_REFUSED)`); the Chinese page shows Chrome's Chinese wording, code kept.
 */
export function pageError(error: string, url: string, lang: string): string {
  const m = error.match(/^This site can't be reached: .* \((ERR_[A-Z_]+)\)$/);
  if (lang !== 'zh-CN' || !m) return error;
  let host = url;
  try {
    host = new URL(url).hostname;
  } catch {
    /* keep the address as typed */
  }
  const why: Record<string, string> = {
    ERR_CONNECTION_REFUSED: `${host} 拒绝了我们的连接请求。`,
    ERR_CONNECTION_RESET: '连接已重置。',
    ERR_CONNECTION_TIMED_OUT: `${host} 的响应时间过长。`,
    ERR_NAME_NOT_RESOLVED: `找不到 ${host} 的服务器 IP 地址。`,
  };
  return `无法访问此网站：${why[m[1]] ?? ''}（${m[1]}）`;
}
