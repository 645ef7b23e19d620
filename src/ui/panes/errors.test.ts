import { describe, expect, it } from 'vitest';
import { pageError } from './errors';

describe('browser pane errors', () => {
  const refused = "This site can't be reached: localhost refused to connect. (ERR_CONNECTION_REFUSED)";
  it('shows Chrome\'s Chinese wording on the Chinese page, with the code', () => {
    expect(pageError(refused, 'http://localhost:8080/', 'zh-CN')).toBe('无法访问此网站：localhost 拒绝了我们的连接请求。（ERR_CONNECTION_REFUSED）');
    expect(pageError("This site can't be reached: web's server IP address could not be found. (ERR_NAME_NOT_RESOLVED)", 'http://web/', 'zh-CN')).toBe('无法访问此网站：找不到 web 的服务器 IP 地址。（ERR_NAME_NOT_RESOLVED）');
  });
  it('leaves English and unknown messages as they are', () => {
    expect(pageError(refused, 'http://localhost:8080/', 'en')).toBe(refused);
    expect(pageError('Only http:// addresses of this machine can be opened', 'https://x/', 'zh-CN')).toBe('Only http:// addresses of this machine can be opened');
  });
});
