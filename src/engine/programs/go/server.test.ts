import { describe, expect, it } from 'vitest';
import { go, goprog } from './go';
import { Collect, makeWorld, run } from '../../../testing/programs/ctx';
import { FakeNet } from '../../../testing/programs/fakenet';
import { parseUrl, request } from '../net/http';
import { registerProgram } from '../registry';

// Note 002's gin program, as the notes print it.
const GIN = `package main

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// handle方法
func Pong(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{
		"name":   "ice_moss",
		"age":    18,
		"school": "家里蹲大学",
	})
}

func main() {
	r := gin.Default()
	r.GET("/ping", Pong)
	r.GET("/hi", func(c *gin.Context) {
		c.String(http.StatusOK, "hi there")
	})
	r.GET("/pretty", func(c *gin.Context) {
		c.IndentedJSON(200, gin.H{"b": gin.H{"ok": true}, "a": 1})
	})
	r.Run(":8083")
}
`;

const HTTP = `package main

import (
	"fmt"
	"net/http"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "Hello, %s!", r.URL.Path[1:])
	})
	http.ListenAndServe(":8080", nil)
}
`;

/** A world with a network and the learner's module in /home/user: main.go and a go.mod needing gin. */
function goModule(src: string, module: string) {
  registerProgram('goprog', goprog);
  const w = makeWorld();
  const net = new FakeNet();
  w.net = net;
  const fs = w.disk.view({ uid: 1000, gid: 1000, groups: [1000] }, '/home/user');
  fs.writeFile('main.go', src);
  fs.writeFile('go.mod', `module ${module}\n\ngo 1.21\n\nrequire github.com/gin-gonic/gin v1.9.1\n`);
  return { w, net };
}

async function serve(src: string, port: number) {
  const { w, net } = goModule(src, 'example.com/web');
  expect(await run(w, go, ['go', 'build', '-o', 'app', '.'])).toMatchObject({ code: 0, err: '' });
  const stop = new AbortController();
  const server = run(w, goprog, ['./app'], { signal: stop.signal }).catch(() => undefined);
  for (let i = 0; i < 20 && !net.listeners.has(port); i++) await new Promise((r) => setTimeout(r, 0));
  const get = (path: string) => request(net, parseUrl(`http://127.0.0.1:${port}${path}`)!, { signal: stop.signal });
  return { w, net, stop, server, get };
}

describe('go programs serving HTTP', () => {
  it('gin: debug lines on stdout, c.JSON with sorted keys, c.String, 404, the Logger line', async () => {
    const s = await serve(GIN, 8083);
    const ping = await s.get('/ping');
    expect(ping.status).toBe(200);
    expect(new TextDecoder().decode(ping.body)).toBe('{"age":18,"name":"ice_moss","school":"家里蹲大学"}');
    expect(ping.headers).toContainEqual(['Content-Type', 'application/json; charset=utf-8']);
    expect(new TextDecoder().decode((await s.get('/hi')).body)).toBe('hi there');
    expect(new TextDecoder().decode((await s.get('/pretty')).body)).toBe('{\n    "a": 1,\n    "b": {\n        "ok": true\n    }\n}');
    const missing = await s.get('/nope');
    expect(missing.status).toBe(404);
    expect(new TextDecoder().decode(missing.body)).toBe('404 page not found');
    s.stop.abort();
    await s.server;
  });

  it('go run: gin debug lines and the Logger line go to stdout', async () => {
    const { w, net } = goModule(GIN, 'web');
    const stop = new AbortController();
    const stdout = new Collect();
    const stderr = new Collect();
    const done = run(w, go, ['go', 'run', 'main.go'], { signal: stop.signal, stdout, stderr }).catch(() => undefined);
    for (let i = 0; i < 50 && !net.listeners.has(8083); i++) await new Promise((r) => setTimeout(r, 0));
    await request(net, parseUrl('http://127.0.0.1:8083/ping')!, { signal: stop.signal });
    const lines = stdout.text().split('\n');
    expect(stderr.text()).toBe('');
    expect(lines).toContain('[GIN-debug] GET    /ping                     --> main.Pong (3 handlers)');
    expect(lines).toContain('[GIN-debug] GET    /hi                       --> main.main.func1 (3 handlers)');
    expect(lines).toContain('[GIN-debug] Listening and serving HTTP on :8083');
    expect(lines.find((l) => l.startsWith('[GIN] '))).toMatch(/^\[GIN\] \d{4}\/\d\d\/\d\d - \d\d:\d\d:\d\d \| 200 \| +[\d.]+µs \| +172\.17\.0\.1 \| GET {6}"\/ping"$/);
    stop.abort();
    await done;
  });

  it('net/http: HandleFunc with a function literal, ListenAndServe', async () => {
    const s = await serve(HTTP, 8080);
    const res = await s.get('/docker');
    expect(res.status).toBe(200);
    expect(new TextDecoder().decode(res.body)).toBe('Hello, docker!');
    s.stop.abort();
    await s.server;
  });
});

describe('go command line', () => {
  it('named files must all be .go files (note 002 types `go build main main.go`)', async () => {
    const w = makeWorld();
    const fs = w.disk.view({ uid: 1000, gid: 1000, groups: [1000] }, '/home/user');
    fs.writeFile('main.go', 'package main\n\nfunc main() {}\n');
    const r = await run(w, go, ['go', 'build', 'main', 'main.go']);
    expect(r).toMatchObject({ code: 1, out: '', err: 'named files must be .go files: main\n' });
    expect(fs.exists('main')).toBe(false);
  });
  it('a package build outside a module is refused', async () => {
    const w = makeWorld();
    w.disk.view().writeFile('/home/user/main.go', 'package main\n\nfunc main() {}\n');
    const r = await run(w, go, ['go', 'build']);
    expect(r).toMatchObject({ code: 1, err: "go: go.mod file not found in current directory or any parent directory; see 'go help modules'\n" });
  });
  it('go env NAME prints bare values; GOROOT follows where Go is installed', async () => {
    const w = makeWorld();
    w.disk.view().mkdir('/usr/lib/go', { recursive: true });
    w.disk.view().writeFile('/usr/lib/go/VERSION', 'go1.22.2\n');
    expect((await run(w, go, ['go', 'env', 'GOROOT', 'GOPATH'])).out).toBe('/usr/lib/go\n/home/user/go\n');
    expect((await run(w, go, ['go', 'version'])).out).toBe('go version go1.22.2 linux/amd64\n');
  });
  it('go run passes the arguments after the files to the program', async () => {
    const w = makeWorld();
    w.disk.view().writeFile('/home/user/main.go', 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("run")\n}\n');
    const r = await run(w, go, ['go', 'run', 'main.go', 'x', 'y']);
    expect(r).toMatchObject({ code: 0, out: 'run\n' });
  });
});
