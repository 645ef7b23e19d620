/**
 * The files the application images add on top of their base: the server binaries (as program
 * markers), their configs and entrypoint scripts. Entrypoint scripts are simplified to what a
 * learner sees (the nginx one prints the real start-up lines) and end in `exec "$@"`.
 */
import { userFiles, serviceUser, type Family } from './etc';
import { at, Tree } from './tree';

/** A layer tree for an application step: `f` fills it, `bulk` paths absorb the layer's size. */
export function layer(created: string, f: (t: Tree) => void, ...bulk: string[]): () => Tree {
  return () => {
    const t = new Tree(at(created));
    f(t);
    for (const b of bulk) t.bulk(b);
    return t;
  };
}

/** Adds a service user to the image's account files (the step rewrites the whole files). */
export function withUser(t: Tree, family: Family, name: string, id: number, home: string): void {
  const [u, g] = serviceUser(name, id, id, home, family);
  userFiles(t, family, u, g);
}

export const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const NGINX_50X = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
</body>
</html>
`;

const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;

const NGINX_DEFAULT = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

export const NGINX_ENTRYPOINT = `#!/bin/sh
# vim:sw=4:ts=4:et

set -e

if [ "$1" = "nginx" ] || [ "$1" = "nginx-debug" ]; then
if [ -z "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
    echo "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration"
    echo "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/"
    echo "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh"
    echo "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf"
    echo "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf"
    echo "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh"
    echo "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh"
    echo "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh"
    echo "/docker-entrypoint.sh: Configuration complete; ready for start up"
fi
fi

exec "$@"
`;

/** nginx's package step: binary, configs, welcome page, logs linked to the container's stdio. */
export function nginxFiles(t: Tree, family: Family): void {
  withUser(t, family, 'nginx', 101, '/nonexistent');
  t.exe('/usr/sbin/nginx', 'nginx', 1_455_072);
  t.exe(family === 'alpine' ? '/usr/bin/envsubst' : '/usr/bin/envsubst', 'envsubst', 35_000);
  if (family === 'debian') t.exe('/usr/bin/curl', 'curl', 288_000);
  t.file('/etc/nginx/nginx.conf', NGINX_CONF).file('/etc/nginx/conf.d/default.conf', NGINX_DEFAULT);
  t.file('/etc/nginx/mime.types', 'types {\n    text/html                                        html htm shtml;\n    text/css                                         css;\n    image/png                                        png;\n    application/javascript                           js;\n}\n');
  t.file('/usr/share/nginx/html/index.html', NGINX_INDEX).file('/usr/share/nginx/html/50x.html', NGINX_50X);
  t.link('/var/log/nginx/access.log', '/dev/stdout').link('/var/log/nginx/error.log', '/dev/stderr');
  t.dir('/var/cache/nginx').dir('/etc/nginx/modules');
}

/** The five COPY steps of the nginx Dockerfile. */
export function nginxScripts(): [string, string, string][] {
  return [
    ['/docker-entrypoint.sh', '/', NGINX_ENTRYPOINT],
    ['/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh', '/docker-entrypoint.d', '#!/bin/sh\n# vim:sw=4:ts=4:et\nset -e\nexit 0\n'],
    ['/docker-entrypoint.d/15-local-resolvers.envsh', '/docker-entrypoint.d', '#!/bin/sh\n# vim:sw=2:ts=2:sts=2:et\nset -eu\n'],
    ['/docker-entrypoint.d/20-envsubst-on-templates.sh', '/docker-entrypoint.d', '#!/bin/sh\nset -e\nexit 0\n'],
    ['/docker-entrypoint.d/30-tune-worker-processes.sh', '/docker-entrypoint.d', '#!/bin/sh\n# vim:sw=2:ts=2:sts=2:et\nset -eu\nexit 0\n'],
  ];
}

/** The docker-entrypoint.sh of redis, mongo, mysql, node: simplified to exec the command. */
export function simpleEntrypoint(name: string): string {
  return `#!/bin/sh\nset -e\n\n# ${name}: first arg is \`-f\` or \`--some-option\`\nif [ "\${1#-}" != "$1" ]; then\n\tset -- ${name} "$@"\nfi\n\nexec "$@"\n`;
}

export function redisFiles(t: Tree): void {
  t.exe('/usr/local/bin/redis-server', 'redis-server', 14_500_000).exe('/usr/local/bin/redis-cli', 'redis-cli', 7_600_000);
  t.exe('/usr/local/bin/redis-benchmark', 'redis-benchmark', 7_100_000);
  for (const n of ['redis-check-aof', 'redis-check-rdb', 'redis-sentinel']) t.link('/usr/local/bin/' + n, 'redis-server');
}

export function pythonFiles(t: Tree, ver: string): void {
  const [maj, min] = ver.split('.');
  const short = `${maj}.${min}`;
  t.exe(`/usr/local/bin/python${short}`, maj === '2' ? 'python2' : 'python3', 14_000);
  t.exe(`/usr/local/bin/pydoc${maj === '2' ? '' : short}`, 'pydoc', 80);
  t.file(`/usr/local/lib/libpython${short}${maj === '2' ? '' : ''}.so.1.0`, '', { mode: 0o755, size: 4_700_000 });
  t.file(`/usr/local/lib/python${short}/os.py`, '# os.py (stub)\n', { size: 39_000 });
  t.dir(`/usr/local/lib/python${short}/site-packages`);
}

export function pythonLinks(t: Tree, ver: string): void {
  const [maj, min] = ver.split('.');
  if (maj === '2') {
    t.link('/usr/local/bin/python', 'python2').link('/usr/local/bin/python2', `python2.${min}`);
    return;
  }
  t.link('/usr/local/bin/python', `python${maj}`).link('/usr/local/bin/python3', `python${maj}.${min}`);
  t.link('/usr/local/bin/idle', 'idle3').link('/usr/local/bin/pydoc', 'pydoc3').link('/usr/local/bin/python-config', 'python3-config');
}

export function pipFiles(t: Tree, ver: string): void {
  const [maj, min] = ver.split('.');
  t.exe('/usr/local/bin/pip', 'pip', 230).exe(`/usr/local/bin/pip${maj}`, 'pip', 230).exe(`/usr/local/bin/pip${maj}.${min}`, 'pip', 230);
  t.exe('/usr/local/bin/wheel', 'wheel', 220);
}
