import { describe, expect, it } from 'vitest';
import { pip, python } from './index';
import { Collect, makeWorld, run } from '../../../testing/programs/ctx';
import { FakeNet } from '../../../testing/programs/fakenet';
import { parseUrl, request } from '../net/http';

const ROOT = { uid: 0, gid: 0, groups: [0] };
const ENV = { PYTHON_VERSION: '3.9.5', PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root' };
const APP = [
  'from flask import Flask, jsonify',
  '',
  'app = Flask(__name__)',
  '',
  "@app.route('/')",
  'def hello_world():',
  "    return 'Hello, World!'",
  '',
  "@app.route('/json')",
  'def data():',
  "    return jsonify(name='ice_moss', age=18)",
  '',
  "if __name__ == '__main__':",
  "    app.run(host='0.0.0.0', port=5000)",
  '',
].join('\n');

describe('Flask over sockets', () => {
  it('pip install flask, then app.run serves routes with werkzeug start-up and access log lines', async () => {
    const w = makeWorld();
    const net = new FakeNet();
    w.net = net;
    for (const d of ['/usr/local/lib/python3.9/site-packages', '/usr/local/bin']) w.disk.view().mkdir(d, { recursive: true });
    const inst = await run(w, pip, ['pip', 'install', 'flask'], { cred: ROOT, env: ENV, cwd: '/root' });
    expect(inst.code).toBe(0);
    expect(inst.out).toMatch(/Successfully installed .*flask-/i);
    w.disk.view().writeFile('/root/app.py', APP);
    const stop = new AbortController();
    const stdout = new Collect();
    const stderr = new Collect();
    const done = run(w, python, ['python', 'app.py'], { cred: ROOT, env: ENV, cwd: '/root', signal: stop.signal, stdout, stderr }).catch(() => undefined);
    for (let i = 0; i < 100 && !net.listeners.has(5000); i++) await new Promise((r) => setTimeout(r, 0));
    const get = (path: string) => request(net, parseUrl(`http://127.0.0.1:5000${path}`)!, { signal: stop.signal });
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(new TextDecoder().decode(home.body)).toBe('Hello, World!');
    const json = await get('/json');
    expect(JSON.parse(new TextDecoder().decode(json.body))).toEqual({ name: 'ice_moss', age: 18 });
    expect((await get('/missing')).status).toBe(404);
    const log = stderr.text() + stdout.text();
    expect(log).toContain(" * Serving Flask app 'app'");
    expect(log).toContain(' * Running on http://127.0.0.1:5000');
    expect(log).toMatch(/172\.17\.0\.1 - - \[\d\d\/\w{3}\/\d{4} \d\d:\d\d:\d\d\] "GET \/ HTTP\/1\.1" 200 -/);
    expect(log).toMatch(/"GET \/missing HTTP\/1\.1" 404 -/);
    stop.abort();
    await done;
  });

  it('import of a package pip did not install fails as Python does', async () => {
    const w = makeWorld();
    const r = await run(w, python, ['python', '-c', 'import flask'], { cred: ROOT, env: ENV, cwd: '/root' });
    expect(r.code).toBe(1);
    expect(r.err).toContain("ModuleNotFoundError: No module named 'flask'");
  });
});
