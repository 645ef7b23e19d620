/**
 * Recipes of the application images: each is its base's steps plus the steps of the official
 * Dockerfile (docker-library), with the config those Dockerfiles set and each layer's real size.
 */
import { layer, nginxFiles, nginxScripts, pipFiles, pythonFiles, pythonLinks, redisFiles, simpleEntrypoint, withUser } from './apps';
import { alpineSteps, debianSteps, DEBIAN } from './catalog-os';
import { centosBase } from './distros';
import {
  cmd, copy, DEFAULT_PATH, entrypoint, env, expose, MB, nop, pathSet, portSet, run, volume,
  type ImageSpec, type Step,
} from './recipe';
import { at } from './tree';

function spec(created: string, steps: Step[], config: ImageSpec['config']): ImageSpec {
  return { created, steps, config };
}

export function nginx(variant: 'debian' | 'alpine'): ImageSpec {
  const c = '2025-02-05T21:27:16Z';
  const fam = variant;
  const base = variant === 'debian' ? debianSteps('bookworm-slim') : alpineSteps('3.21');
  const k = 'nginx-1.27.4-' + variant;
  const steps: Step[] = [
    ...base,
    nop('LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>', c),
    ...env({ NGINX_VERSION: '1.27.4', NJS_VERSION: '0.8.9', NJS_RELEASE: variant === 'debian' ? '1~bookworm' : '1', PKG_RELEASE: variant === 'debian' ? '1~bookworm' : '1' }, c),
    run(k + '-pkg', 'set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     && ... && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d',
      layer(c, (t) => nginxFiles(t, fam), '/usr/lib/nginx/modules/ngx_http_js_module.so', variant === 'debian' ? '/usr/lib/x86_64-linux-gnu/libperl.so.5.36' : '/usr/lib/libxml2.so.2'),
      variant === 'debian' ? 113_000_000 : 40_200_000, c),
    ...nginxScripts().map(([path, dest, text]) => copy(`${k}${path}`, dest, layer(c, (t) => t.script(path, text)), text.length, c)),
    entrypoint(['/docker-entrypoint.sh'], c), expose(['80'], c), nop('STOPSIGNAL SIGQUIT', c), cmd(['nginx', '-g', 'daemon off;'], c),
  ];
  return spec(c, steps, {
    ExposedPorts: portSet(['80']),
    Env: [DEFAULT_PATH, 'NGINX_VERSION=1.27.4', 'NJS_VERSION=0.8.9', `NJS_RELEASE=${variant === 'debian' ? '1~bookworm' : '1'}`, `PKG_RELEASE=${variant === 'debian' ? '1~bookworm' : '1'}`],
    Entrypoint: ['/docker-entrypoint.sh'], Cmd: ['nginx', '-g', 'daemon off;'],
    Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' }, StopSignal: 'SIGQUIT',
  });
}

export function redis(variant: 'debian' | 'alpine'): ImageSpec {
  const c = '2025-01-06T19:17:58Z';
  const k = 'redis-7.4.2-' + variant;
  const fam = variant;
  const steps: Step[] = [
    ...(variant === 'debian' ? debianSteps('bookworm-slim') : alpineSteps('3.21')),
    run(k + '-user', 'set -eux; \tgroupadd -r -g 999 redis; \tuseradd -r -g redis -u 999 redis', layer(c, (t) => withUser(t, fam, 'redis', 999, '/home/redis')), 4_800, c),
    ...env({ GOSU_VERSION: '1.17' }, c),
    run(k + '-gosu', 'set -eux; \tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates gnupg wget; \t... \tgosu --version; \tgosu nobody true',
      layer(c, (t) => t.exe('/usr/local/bin/gosu', 'gosu', 2_290_000), '/etc/ssl/certs/ca-certificates.crt'), variant === 'debian' ? 4_140_000 : 2_700_000, c),
    ...env({ REDIS_VERSION: '7.4.2', REDIS_DOWNLOAD_URL: 'http://download.redis.io/releases/redis-7.4.2.tar.gz', REDIS_DOWNLOAD_SHA: '4ddebbf09061cbb589011786febdb34f29767dd7f89dbe712d2b68e808af6a1f' }, c),
    run(k + '-build', 'set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\twget \t\tdpkg-dev \t\tgcc \t\tlibc6-dev \t\tlibssl-dev \t\tmake \t; ... \tredis-cli --version; \tredis-server --version',
      layer(c, redisFiles, '/usr/lib/x86_64-linux-gnu/libssl.so.3'), variant === 'debian' ? 33_200_000 : 30_500_000, c),
    run(k + '-data', 'mkdir /data && chown redis:redis /data', layer(c, (t) => t.dir('/data', 0o755, { uid: 999, gid: 999 })), 0, c),
    volume(['/data'], c),
    { createdBy: '/bin/sh -c #(nop) WORKDIR /data', created: c },
    copy(k + '-entry', '/usr/local/bin/', layer(c, (t) => t.script('/usr/local/bin/docker-entrypoint.sh', simpleEntrypoint('redis-server'))), 661, c),
    entrypoint(['docker-entrypoint.sh'], c), expose(['6379'], c), cmd(['redis-server'], c),
  ];
  return spec(c, steps, {
    ExposedPorts: portSet(['6379']),
    Env: [DEFAULT_PATH, 'GOSU_VERSION=1.17', 'REDIS_VERSION=7.4.2', 'REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-7.4.2.tar.gz', 'REDIS_DOWNLOAD_SHA=4ddebbf09061cbb589011786febdb34f29767dd7f89dbe712d2b68e808af6a1f'],
    Entrypoint: ['docker-entrypoint.sh'], Cmd: ['redis-server'], Volumes: pathSet(['/data']), WorkingDir: '/data',
  });
}

interface PythonVariant { ver: string; base: Step[]; created: string; sizes: [number, number, number]; pip: string; full?: boolean }

export function python(v: PythonVariant): ImageSpec {
  const c = v.created;
  const k = `python-${v.ver}-${v.base[0].createdBy}`;
  const gpg = v.ver.startsWith('2') ? 'C01E1CAD5EA2C4F0B8E3571504C367C218ADD4FF' : 'E3FF2839C048B25C084DEBE9B26995E310250568';
  const steps: Step[] = [
    ...v.base,
    ...env({ PATH: '/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8' }, c),
    run(k + '-deps', 'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tnetbase \t; \trm -rf /var/lib/apt/lists/*',
      layer(c, (t) => t.file('/etc/protocols', 'ip\t0\tIP\ntcp\t6\tTCP\nudp\t17\tUDP\n').file('/etc/services', 'http\t\t80/tcp\n'), '/etc/ssl/certs/ca-certificates.crt', '/usr/lib/x86_64-linux-gnu/libssl.so.1.1'), v.sizes[0], c),
    ...env({ GPG_KEY: gpg, PYTHON_VERSION: v.ver }, c),
    run(k + '-build', 'set -ex \t\t&& savedAptMark="$(apt-mark showmanual)" \t&& apt-get update && apt-get install -y --no-install-recommends \t\tdpkg-dev \t\tgcc \t\tlibbluetooth-dev \t\tlibbz2-dev \t... \t&& python3 --version',
      layer(c, (t) => pythonFiles(t, v.ver), `/usr/local/lib/python${v.ver.split('.').slice(0, 2).join('.')}/lib-dynload/_ssl.so`), v.sizes[1], c),
    run(k + '-links', 'cd /usr/local/bin \t&& ln -s idle3 idle \t&& ln -s pydoc3 pydoc \t&& ln -s python3 python \t&& ln -s python3-config python-config',
      layer(c, (t) => pythonLinks(t, v.ver)), 0, c),
    ...env({ PYTHON_PIP_VERSION: v.pip }, c),
    run(k + '-pip', 'set -ex; \t\tsavedAptMark="$(apt-mark showmanual)"; \t... \tpython get-pip.py \t\t--disable-pip-version-check \t\t--no-cache-dir \t\t"pip==$PYTHON_PIP_VERSION" \t; \tpip --version',
      layer(c, (t) => pipFiles(t, v.ver), `/usr/local/lib/python${v.ver.split('.').slice(0, 2).join('.')}/site-packages/pip/_vendor/vendor.txt`), v.sizes[2], c),
    cmd([v.ver.startsWith('2') ? 'python2' : 'python3'], c),
  ];
  return spec(c, steps, {
    Env: ['PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'LANG=C.UTF-8', `GPG_KEY=${gpg}`, `PYTHON_VERSION=${v.ver}`, `PYTHON_PIP_VERSION=${v.pip}`],
    Cmd: [v.ver.startsWith('2') ? 'python2' : 'python3'],
  });
}

export const PYTHON: Record<string, () => ImageSpec> = {
  '3.9.5-slim': () => python({ ver: '3.9.5', base: debianSteps('buster-slim-2021'), created: '2021-05-12T16:38:09Z', sizes: [8_000_000, 29_500_000, 8_200_000], pip: '21.1.1' }),
  '3.9.5-alpine3.13': () => python({ ver: '3.9.5', base: alpineSteps('3.13'), created: '2021-05-12T16:32:49Z', sizes: [1_600_000, 30_000_000, 8_100_000], pip: '21.1.1' }),
  '2.7-slim': () => python({ ver: '2.7.18', base: debianSteps('buster-slim'), created: '2020-04-23T12:46:25Z', sizes: [8_100_000, 62_700_000, 8_000_000], pip: '20.0.2' }),
  latest: () => python({ ver: '3.13.2', base: buildpackSteps(), created: '2025-02-06T21:30:12Z', sizes: [16_000_000, 200_000_000, 13_000_000], pip: '24.3.1' }),
  // Tags a learner types without a note to copy from: the full images on buildpack-deps, the slim
  // ones on Debian bookworm-slim, as the official image builds them.
  '3.9': () => python({ ver: '3.9.21', base: buildpackSteps(), created: '2024-12-04T01:12:41Z', sizes: [16_000_000, 185_000_000, 12_000_000], pip: '23.0.1' }),
  '3.10': () => python({ ver: '3.10.16', base: buildpackSteps(), created: '2024-12-04T01:12:41Z', sizes: [16_000_000, 190_000_000, 12_000_000], pip: '23.0.1' }),
  '3.11': () => python({ ver: '3.11.11', base: buildpackSteps(), created: '2024-12-04T01:12:41Z', sizes: [16_000_000, 195_000_000, 12_000_000], pip: '24.0' }),
  '3.12': () => python({ ver: '3.12.9', base: buildpackSteps(), created: '2025-02-06T21:30:12Z', sizes: [16_000_000, 198_000_000, 13_000_000], pip: '24.3.1' }),
  '3.9-slim': () => python({ ver: '3.9.21', base: debianSteps('bookworm-slim'), created: '2024-12-04T01:12:41Z', sizes: [3_500_000, 33_000_000, 12_000_000], pip: '23.0.1' }),
  slim: () => python({ ver: '3.13.2', base: debianSteps('bookworm-slim'), created: '2025-02-06T21:30:12Z', sizes: [3_500_000, 36_000_000, 13_000_000], pip: '24.3.1' }),
};

/** buildpack-deps:bookworm (curl, scm, full build toolchain), the base of node and python:latest. */
export function buildpackSteps(): Step[] {
  const c = DEBIAN.bookworm.created;
  return [
    ...debianSteps('bookworm'),
    run('bp-curl', 'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg \t\tnetbase \t\tsq \t\twget \t; \trm -rf /var/lib/apt/lists/*',
      layer(c, (t) => t.exes('/usr/bin', 'curl wget gpg', 300_000), '/usr/lib/x86_64-linux-gnu/libgnutls.so.30'), 24_000_000, c),
    run('bp-scm', 'set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t; \trm -rf /var/lib/apt/lists/*',
      layer(c, (t) => t.exes('/usr/bin', 'git ssh scp hg svn ps top free kill pgrep pkill watch uptime', 400_000), '/usr/lib/git-core/git'), 64_400_000, c),
    run('bp-dev', 'set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf \t\tautomake \t\tbzip2 \t\tdefault-libmysqlclient-dev \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\t... \t\tmake \t\t... \t; \trm -rf /var/lib/apt/lists/*',
      layer(c, (t) => t.exes('/usr/bin', 'gcc g++ make file patch unzip xz bzip2', 900_000), '/usr/lib/gcc/x86_64-linux-gnu/12/cc1', '/usr/lib/x86_64-linux-gnu/libLLVM-14.so.1'), 588_000_000, c),
  ];
}

export function node(): ImageSpec {
  const c = '2025-03-13T15:40:54Z';
  const steps: Step[] = [
    ...buildpackSteps(),
    run('node-user', 'groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node', layer(c, (t) => { withUser(t, 'debian', 'node', 1000, '/home/node'); t.dir('/home/node', 0o755, { uid: 1000, gid: 1000 }); }), 8_900, c),
    ...env({ NODE_VERSION: '23.10.0' }, c),
    run('node-bin', 'ARCH= && dpkgArch="$(dpkg --print-architecture)"   && case "${dpkgArch##*-}" in ... esac   && ... && node --version   && npm --version',
      layer(c, (t) => { t.exe('/usr/local/bin/node', 'node', 118_000_000).exe('/usr/local/bin/npm', 'npm', 54).exe('/usr/local/bin/npx', 'npx', 54).exe('/usr/local/bin/corepack', 'corepack', 80); }, '/usr/local/lib/node_modules/npm/node_modules/.package-lock.json'), 192_000_000, c),
    ...env({ YARN_VERSION: '1.22.22' }, c),
    run('node-yarn', 'set -ex   && export GNUPGHOME="$(mktemp -d)"   && ... && yarn --version',
      layer(c, (t) => { t.exe('/opt/yarn-v1.22.22/bin/yarn', 'yarn', 1_000); t.link('/usr/local/bin/yarn', '/opt/yarn-v1.22.22/bin/yarn').link('/usr/local/bin/yarnpkg', '/opt/yarn-v1.22.22/bin/yarnpkg'); }, '/opt/yarn-v1.22.22/lib/cli.js'), 5_300_000, c),
    copy('node-entry', '/usr/local/bin/', layer(c, (t) => t.script('/usr/local/bin/docker-entrypoint.sh', simpleEntrypoint('node'))), 388, c),
    entrypoint(['docker-entrypoint.sh'], c), cmd(['node'], c),
  ];
  return spec(c, steps, { Env: [DEFAULT_PATH, 'NODE_VERSION=23.10.0', 'YARN_VERSION=1.22.22'], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'] });
}

export function golangAlpine317(): ImageSpec {
  const c = '2023-08-15T20:58:18Z';
  const steps: Step[] = [
    ...alpineSteps('3.17'),
    run('go-ca', 'apk add --no-cache ca-certificates', layer(c, () => undefined, '/etc/ssl/certs/ca-certificates.crt'), 540_000, c),
    ...env({ PATH: '/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', GOLANG_VERSION: '1.21.0' }, c),
    run('go-build', 'set -eux; \tapk add --no-cache --virtual .fetch-deps gnupg; \t... \tgo version',
      layer(c, (t) => t.exe('/usr/local/go/bin/go', 'go', 15_000_000).exe('/usr/local/go/bin/gofmt', 'gofmt', 3_400_000).file('/usr/local/go/VERSION', 'go1.21.0\ntime 2023-08-04T20:14:06Z\n'), '/usr/local/go/pkg/tool/linux_amd64/compile', '/usr/local/go/src/cmd/go/internal/work/exec.go'), 242_000_000, c),
    ...env({ GOPATH: '/go', PATH: '/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' }, c),
    run('go-gopath', 'mkdir -p "$GOPATH/src" "$GOPATH/bin" && chmod -R 1777 "$GOPATH"', layer(c, (t) => t.dir('/go', 0o1777).dir('/go/src', 0o1777).dir('/go/bin', 0o1777)), 0, c),
    nop('WORKDIR /go', c),
  ];
  return spec(c, steps, { Env: ['PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'GOLANG_VERSION=1.21.0', 'GOPATH=/go'], Cmd: ['/bin/sh'], WorkingDir: '/go' });
}

/** golang:latest (1.24 on Debian bookworm): buildpack-deps:bookworm-scm, the C toolchain cgo needs, Go. */
export function golangBookworm(): ImageSpec {
  const c = '2025-03-18T20:12:33Z';
  const gopath = 'PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  const steps: Step[] = [
    ...buildpackSteps().slice(0, -1),
    run('go-deps', 'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tg++ \t\tgcc \t\tlibc6-dev \t\tmake \t\tpkg-config \t; \trm -rf /var/lib/apt/lists/*',
      layer(c, (t) => t.exes('/usr/bin', 'gcc g++ make pkg-config', 900_000), '/usr/lib/gcc/x86_64-linux-gnu/12/cc1'), 238_000_000, c),
    ...env({ GOLANG_VERSION: '1.24.1', GOTOOLCHAIN: 'local', GOPATH: '/go' }, c),
    ...env({ PATH: '/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' }, c),
    copy('go-dist', '/usr/local/go/', layer(c, (t) => t.exe('/usr/local/go/bin/go', 'go', 15_000_000).exe('/usr/local/go/bin/gofmt', 'gofmt', 3_400_000).file('/usr/local/go/VERSION', 'go1.24.1\ntime 2025-02-27T17:57:18Z\n'), '/usr/local/go/pkg/tool/linux_amd64/compile', '/usr/local/go/src/cmd/go/internal/work/exec.go'), 254_000_000, c),
    run('go-gopath', 'mkdir -p "$GOPATH/src" "$GOPATH/bin" && chmod -R 1777 "$GOPATH"', layer(c, (t) => t.dir('/go', 0o1777).dir('/go/src', 0o1777).dir('/go/bin', 0o1777)), 0, c),
    nop('WORKDIR /go', c),
  ];
  return spec(c, steps, { Env: [gopath, 'GOLANG_VERSION=1.24.1', 'GOTOOLCHAIN=local', 'GOPATH=/go'], Cmd: ['bash'], WorkingDir: '/go' });
}

export function mysql(): ImageSpec {
  const c = '2025-01-21T22:40:12Z';
  const base = () => {
    const t = centosBase('9', 'Oracle Linux Server release 9.5', at(c));
    t.file('/etc/os-release', 'NAME="Oracle Linux Server"\nVERSION="9.5"\nID="ol"\nID_LIKE="fedora"\nVERSION_ID="9.5"\nPRETTY_NAME="Oracle Linux Server 9.5"\n');
    t.file('/etc/oracle-release', 'Oracle Linux Server release 9.5\n');
    return t;
  };
  const steps: Step[] = [
    { createdBy: '/bin/sh -c #(nop) ADD file:' + 'oraclelinux9'.padEnd(64, '0').replace(/[^0-9a-f]/g, 'a') + ' in / ', key: 'oraclelinux-9-slim', tree: base, size: 117_000_000, created: c },
    cmd(['/bin/bash'], c),
    run('mysql-user', 'set -eux; \tgroupadd --system --gid 999 mysql; \tuseradd --system --uid 999 --gid 999 --home-dir /var/lib/mysql --no-create-home mysql', layer(c, (t) => withUser(t, 'centos', 'mysql', 999, '/var/lib/mysql')), 2_300, c),
    ...env({ GOSU_VERSION: '1.17' }, c),
    run('mysql-gosu', 'set -eux; \tarch="$(uname -m)"; \t... \tgosu --version; \tgosu nobody true', layer(c, (t) => t.exe('/usr/local/bin/gosu', 'gosu', 2_290_000)), 2_300_000, c),
    run('mysql-deps', 'set -eux; \tmicrodnf install -y \t\tbzip2 \t\tgzip \t\topenssl \t\txz \t\tzstd \t\tfindutils \t; \tmicrodnf clean all', layer(c, () => undefined, '/usr/lib64/libcrypto.so.3'), 13_800_000, c),
    run('mysql-gpg', 'set -eux; \tkey=\'BCA43417C3B485DD128EC6D4B7B3B788A8D3785C\'; \t...', layer(c, (t) => t.file('/etc/pki/rpm-gpg/RPM-GPG-KEY-mysql', '-----BEGIN PGP PUBLIC KEY BLOCK-----\n')), 3_100, c),
    ...env({ MYSQL_MAJOR: 'innovation', MYSQL_VERSION: '9.2.0-1.el9' }, c),
    run('mysql-repo', 'set -eu; \t{ \t\techo \'[mysql9.2-server-minimal]\'; \t\t... \t} | tee /etc/yum.repos.d/mysql-community-minimal.repo', layer(c, (t) => t.file('/etc/yum.repos.d/mysql-community-minimal.repo', '[mysql9.2-server-minimal]\nname=MySQL 9.2 Server Minimal\nenabled=1\n')), 226, c),
    run('mysql-server', 'set -eux; \tmicrodnf install -y "mysql-community-server-minimal-$MYSQL_VERSION"; \tmicrodnf clean all; \t... \tmysqld --version; \tmysql --version',
      layer(c, (t) => { t.exe('/usr/sbin/mysqld', 'mysqld', 78_000_000).exe('/usr/bin/mysql', 'mysql', 7_400_000).exe('/usr/bin/mysqladmin', 'mysqladmin', 7_100_000).exe('/usr/bin/mysqldump', 'mysqldump', 7_300_000); t.dir('/var/lib/mysql', 0o1777, { uid: 999, gid: 999 }).dir('/var/run/mysqld', 0o1777, { uid: 999, gid: 999 }); t.file('/etc/my.cnf', '[mysqld]\nhost-cache-size=0\nskip-name-resolve\ndatadir=/var/lib/mysql\nsocket=/var/run/mysqld/mysqld.sock\nsecure-file-priv=/var/lib/mysql-files\nuser=mysql\n\npid-file=/var/run/mysqld/mysqld.pid\n'); }, '/usr/lib64/mysql/private/libprotobuf.so.24.4.0', '/usr/share/mysql-9.2/english/errmsg.sys'), 318_000_000, c),
    ...env({ MYSQL_SHELL_VERSION: '9.2.0-1.el9' }, c),
    run('mysql-shell', 'set -eu; \t{ \t\techo \'[mysql-tools-innovation]\'; \t\t... \tmicrodnf install -y "mysql-shell-$MYSQL_SHELL_VERSION"; \tmicrodnf clean all; \tmysqlsh --version',
      layer(c, (t) => t.exe('/usr/bin/mysqlsh', 'mysqlsh', 60_000_000), '/usr/lib/mysqlsh/libpython3.12.so.1.0'), 145_000_000, c),
    volume(['/var/lib/mysql'], c),
    copy('mysql-entry', '/usr/local/bin/', layer(c, (t) => t.script('/usr/local/bin/docker-entrypoint.sh', simpleEntrypoint('mysqld'))), 16_300, c),
    entrypoint(['docker-entrypoint.sh'], c), expose(['3306', '33060'], c), cmd(['mysqld'], c),
  ];
  return spec(c, steps, {
    ExposedPorts: portSet(['3306', '33060']), Env: [DEFAULT_PATH, 'GOSU_VERSION=1.17', 'MYSQL_MAJOR=innovation', 'MYSQL_VERSION=9.2.0-1.el9', 'MYSQL_SHELL_VERSION=9.2.0-1.el9'],
    Entrypoint: ['docker-entrypoint.sh'], Cmd: ['mysqld'], Volumes: pathSet(['/var/lib/mysql']),
  });
}

export function mongo(version: string, baseName: string, total: number, created: string): ImageSpec {
  const c = created;
  const k = 'mongo-' + version;
  const baseSize = DEBIAN[baseName].size;
  const major = version.split('.').slice(0, 2).join('.');
  const install = total - baseSize - 7_500_000 - 2_400_000 - 3_080 - 5_000;
  // mongosh replaced the legacy `mongo` shell in 6.0.
  const shell = Number(version.split('.')[0]) >= 6 ? '/usr/bin/mongosh' : '/usr/bin/mongo';
  const steps: Step[] = [
    ...debianSteps(baseName),
    run(k + '-user', 'set -eux; \tgroupadd --gid 999 --system mongodb; \tuseradd --uid 999 --system --gid mongodb --home-dir /data/db mongodb; \tmkdir -p /data/db /data/configdb; \tchown -R mongodb:mongodb /data/db /data/configdb',
      layer(c, (t) => { withUser(t, 'debian', 'mongodb', 999, '/data/db'); t.dir('/data/db', 0o755, { uid: 999, gid: 999 }).dir('/data/configdb', 0o755, { uid: 999, gid: 999 }); }), 3_000, c),
    run(k + '-deps', 'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tjq \t\tnumactl \t\tprocps \t; \trm -rf /var/lib/apt/lists/*',
      layer(c, (t) => t.exes('/usr/bin', 'jq numactl ps', 150_000), '/usr/lib/x86_64-linux-gnu/libonig.so.5'), 7_500_000, c),
    ...env({ GOSU_VERSION: '1.17', JSYAML_VERSION: '3.13.1' }, c),
    run(k + '-gosu', 'set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \t... \tgosu --version; \tgosu nobody true', layer(c, (t) => t.exe('/usr/local/bin/gosu', 'gosu', 2_290_000).file('/js-yaml.js', '/* js-yaml 3.13.1 */\n', { size: 103_000 })), 2_400_000, c),
    run(k + '-initdb', 'mkdir /docker-entrypoint-initdb.d', layer(c, (t) => t.dir('/docker-entrypoint-initdb.d')), 0, c),
    ...env({ MONGO_PACKAGE: 'mongodb-org', MONGO_REPO: 'repo.mongodb.org', MONGO_MAJOR: major, MONGO_VERSION: version }, c),
    run(k + '-list', `echo "deb [ signed-by=/etc/apt/keyrings/mongodb.gpg ] http://$MONGO_REPO/apt/ubuntu ${DEBIAN[baseName].codename}/\${MONGO_PACKAGE%-unstable}/$MONGO_MAJOR multiverse" | tee "/etc/apt/sources.list.d/\${MONGO_PACKAGE%-unstable}.list"`,
      layer(c, (t) => t.file('/etc/apt/sources.list.d/mongodb-org.list', `deb http://repo.mongodb.org/apt/ubuntu ${DEBIAN[baseName].codename}/mongodb-org/${major} multiverse\n`)), 80, c),
    run(k + '-install', 'set -x \t&& export DEBIAN_FRONTEND=noninteractive \t&& apt-get update \t&& apt-get install -y \t\t${MONGO_PACKAGE}=$MONGO_VERSION \t\t... \t&& rm -rf /var/lib/apt/lists/* \t&& rm -rf /var/lib/mongodb \t&& mv /etc/mongod.conf /etc/mongod.conf.orig',
      layer(c, (t) => t.exe('/usr/bin/mongod', 'mongod', Math.round(install * 0.45)).exe('/usr/bin/mongos', 'mongos', Math.round(install * 0.2)).exe(shell, shell.slice(9), Math.round(install * 0.2)).file('/etc/mongod.conf.orig', 'storage:\n  dbPath: /var/lib/mongodb\n'), '/usr/share/doc/mongodb-org-server/THIRD-PARTY-NOTICES'),
      install, c),
    volume(['/data/db', '/data/configdb'], c),
    ...env({ HOME: '/data/db' }, c),
    copy(k + '-entry', '/usr/local/bin/', layer(c, (t) => t.script('/usr/local/bin/docker-entrypoint.sh', simpleEntrypoint('mongod'))), 5_000, c),
    entrypoint(['docker-entrypoint.sh'], c), expose(['27017'], c), cmd(['mongod'], c),
  ];
  return spec(c, steps, {
    ExposedPorts: portSet(['27017']),
    Env: [DEFAULT_PATH, 'GOSU_VERSION=1.17', 'JSYAML_VERSION=3.13.1', 'MONGO_PACKAGE=mongodb-org', 'MONGO_REPO=repo.mongodb.org', `MONGO_MAJOR=${major}`, `MONGO_VERSION=${version}`, 'HOME=/data/db'],
    Entrypoint: ['docker-entrypoint.sh'], Cmd: ['mongod'], Volumes: pathSet(['/data/db', '/data/configdb']),
  });
}

export { httpd, tomcat, registryImage } from './catalog-apps2';
export { MB };
