/**
 * More application recipes (httpd, tomcat, the registry image), split from catalog-apps.ts to
 * keep files small.
 */
import { layer } from './apps';
import { alpineSteps, debianSteps } from './catalog-os';
import {
  cmd, copy, DEFAULT_PATH, entrypoint, env, expose, nop, pathSet, portSet, run, volume,
  type ImageSpec, type Step,
} from './recipe';

export function httpd(): ImageSpec {
  const c = '2025-01-23T18:10:25Z';
  const steps: Step[] = [
    ...debianSteps('bookworm-slim'),
    ...env({ HTTPD_PREFIX: '/usr/local/apache2', PATH: '/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' }, c),
    run('httpd-prefix', 'mkdir -p "$HTTPD_PREFIX" \t&& chown www-data:www-data "$HTTPD_PREFIX"', layer(c, (t) => t.dir('/usr/local/apache2', 0o755, { uid: 33, gid: 33 })), 0, c),
    nop('WORKDIR /usr/local/apache2', c),
    run('httpd-deps', 'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tlibaprutil1-ldap \t\tlibldap-common \t; \trm -rf /var/lib/apt/lists/*',
      layer(c, () => undefined, '/usr/lib/x86_64-linux-gnu/libapr-1.so.0', '/etc/ssl/certs/ca-certificates.crt'), 4_800_000, c),
    ...env({ HTTPD_VERSION: '2.4.63', HTTPD_SHA256: '88fc236ab99b2864b248de7d49a008ec2afd7551e64dce8b95f58f32f94c46ab', HTTPD_PATCHES: '' }, c),
    run('httpd-build', 'set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tbzip2 \t\tdpkg-dev \t\tgcc \t\tlibapr1-dev \t\t... \t\tmake \t\twget \t; \t... \thttpd -v',
      layer(c, (t) => {
        t.exe('/usr/local/apache2/bin/httpd', 'httpd', 2_900_000).exe('/usr/local/apache2/bin/apachectl', 'apachectl', 3_400).exe('/usr/local/apache2/bin/htpasswd', 'htpasswd', 230_000);
        t.file('/usr/local/apache2/htdocs/index.html', '<html><body><h1>It works!</h1></body></html>\n');
        t.file('/usr/local/apache2/conf/httpd.conf', 'ServerRoot "/usr/local/apache2"\nListen 80\nUser www-data\nGroup www-data\nDocumentRoot "/usr/local/apache2/htdocs"\nErrorLog /proc/self/fd/2\nCustomLog /proc/self/fd/1 common\n');
      }, '/usr/local/apache2/modules/mod_ssl.so', '/usr/lib/x86_64-linux-gnu/libnghttp2.so.14'), 68_400_000, c),
    nop('STOPSIGNAL SIGWINCH', c),
    copy('httpd-fg', '/usr/local/bin/', layer(c, (t) => t.script('/usr/local/bin/httpd-foreground', '#!/bin/sh\nset -e\n\n# Apache gets grumpy about PID files pre-existing\nrm -f /usr/local/apache2/logs/httpd.pid\n\nexec httpd -DFOREGROUND "$@"\n')), 138, c),
    expose(['80'], c), cmd(['httpd-foreground'], c),
  ];
  return {
    created: c, steps, config: {
      ExposedPorts: portSet(['80']),
      Env: ['PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HTTPD_PREFIX=/usr/local/apache2', 'HTTPD_VERSION=2.4.63', 'HTTPD_SHA256=88fc236ab99b2864b248de7d49a008ec2afd7551e64dce8b95f58f32f94c46ab', 'HTTPD_PATCHES='],
      Cmd: ['httpd-foreground'], WorkingDir: '/usr/local/apache2', StopSignal: 'SIGWINCH',
    },
  };
}

export function tomcat(): ImageSpec {
  const c = '2025-02-18T20:04:36Z';
  const java = '/opt/java/openjdk';
  const path = `PATH=/usr/local/tomcat/bin:${java}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`;
  const steps: Step[] = [
    ...debianSteps('24.04'),
    ...env({ JAVA_HOME: java, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US:en', LC_ALL: 'en_US.UTF-8' }, c),
    run('temurin-deps', 'set -eux;     apt-get update;     DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends         curl         wget         fontconfig         ca-certificates p11-kit         tzdata         locales     ;     echo "en_US.UTF-8 UTF-8" >> /etc/locale.gen;     locale-gen en_US.UTF-8;     rm -rf /var/lib/apt/lists/*',
      layer(c, (t) => t.exes('/usr/bin', 'curl wget', 290_000), '/usr/lib/locale/locale-archive', '/usr/share/zoneinfo/tzdata.zi'), 26_300_000, c),
    ...env({ JAVA_VERSION: 'jdk-21.0.6+7' }, c),
    run('temurin-jdk', 'set -eux;     ARCH="$(dpkg --print-architecture)";     case "${ARCH}" in ... esac;     ... rm -f ${JAVA_HOME}/lib/src.zip;',
      layer(c, (t) => t.exe(`${java}/bin/java`, 'java', 16_000).exe(`${java}/bin/javac`, 'javac', 16_000).exe(`${java}/bin/jar`, 'jar', 16_000), `${java}/lib/modules`, `${java}/lib/server/libjvm.so`), 322_000_000, c),
    run('temurin-verify', 'set -eux;     echo "Verifying install ...";     fileEncoding="$(echo \'System.out.println(System.getProperty("file.encoding"))\' | jshell -s -)"; [ "$fileEncoding" = \'UTF-8\' ]; rm -rf ~/.java;     echo "javac --version"; javac --version;     echo "java --version"; java --version;     echo "Complete."', layer(c, () => undefined), 0, c),
    copy('temurin-entry', '/__cacert_entrypoint.sh', layer(c, (t) => t.script('/__cacert_entrypoint.sh', '#!/usr/bin/env bash\nset -e\nexec "$@"\n')), 5_310, c),
    entrypoint(['/__cacert_entrypoint.sh'], c),
    ...env({ CATALINA_HOME: '/usr/local/tomcat', PATH: path.slice(5) }, c),
    run('tomcat-home', 'mkdir -p "$CATALINA_HOME"', layer(c, (t) => t.dir('/usr/local/tomcat')), 0, c),
    nop('WORKDIR /usr/local/tomcat', c),
    ...env({ TOMCAT_NATIVE_LIBDIR: '/usr/local/tomcat/native-jni-lib', LD_LIBRARY_PATH: '/usr/local/tomcat/native-jni-lib', TOMCAT_MAJOR: '10', TOMCAT_VERSION: '10.1.36' }, c),
    run('tomcat-main', 'set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgnupg \t; \t... \tcatalina.sh version',
      layer(c, (t) => {
        t.script('/usr/local/tomcat/bin/catalina.sh', '#!/bin/sh\n# Licensed to the Apache Software Foundation (ASF)\nexec java org.apache.catalina.startup.Bootstrap "$@"\n');
        t.exe('/usr/local/tomcat/bin/catalina', 'catalina', 0);
        t.file('/usr/local/tomcat/conf/server.xml', '<?xml version="1.0" encoding="UTF-8"?>\n<Server port="8005" shutdown="SHUTDOWN">\n  <Service name="Catalina">\n    <Connector port="8080" protocol="HTTP/1.1" connectionTimeout="20000" redirectPort="8443" />\n  </Service>\n</Server>\n');
        t.dir('/usr/local/tomcat/webapps').dir('/usr/local/tomcat/webapps.dist/ROOT').dir('/usr/local/tomcat/logs', 0o1777);
      }, '/usr/local/tomcat/lib/catalina.jar', '/usr/local/tomcat/webapps.dist/docs/changelog.html'), 20_700_000, c),
    run('tomcat-verify', 'set -eux; \tnativeLines="$(catalina.sh configtest 2>&1)"; \t... \tif [ "$nativeLines" != \'Loaded Apache Tomcat Native library\' ]; then \t\texit 1; \tfi', layer(c, () => undefined), 0, c),
    expose(['8080'], c),
    nop('ENTRYPOINT []', c),
    cmd(['catalina.sh', 'run'], c),
  ];
  return {
    created: c, steps, config: {
      ExposedPorts: portSet(['8080']),
      Env: [path, `JAVA_HOME=${java}`, 'LANG=en_US.UTF-8', 'LANGUAGE=en_US:en', 'LC_ALL=en_US.UTF-8', 'JAVA_VERSION=jdk-21.0.6+7', 'CATALINA_HOME=/usr/local/tomcat', 'TOMCAT_NATIVE_LIBDIR=/usr/local/tomcat/native-jni-lib', 'LD_LIBRARY_PATH=/usr/local/tomcat/native-jni-lib', 'TOMCAT_MAJOR=10', 'TOMCAT_VERSION=10.1.36'],
      Cmd: ['catalina.sh', 'run'], WorkingDir: '/usr/local/tomcat',
    },
  };
}

export function registryImage(): ImageSpec {
  const c = '2023-10-02T18:28:56Z';
  const steps: Step[] = [
    ...alpineSteps('3.18'),
    run('registry-ca', 'set -eux; \tapk add --no-cache ca-certificates', layer(c, () => undefined, '/etc/ssl/certs/ca-certificates.crt'), 600_000, c),
    copy('registry-bin', '/bin/registry', layer(c, (t) => t.exe('/bin/registry', 'registry', 17_600_000)), 17_600_000, c),
    copy('registry-conf', '/etc/docker/registry/config.yml', layer(c, (t) => t.file('/etc/docker/registry/config.yml', 'version: 0.1\nlog:\n  fields:\n    service: registry\nstorage:\n  cache:\n    blobdescriptor: inmemory\n  filesystem:\n    rootdirectory: /var/lib/registry\nhttp:\n  addr: :5000\n  headers:\n    X-Content-Type-Options: [nosniff]\nhealth:\n  storagedriver:\n    enabled: true\n    interval: 10s\n    threshold: 3\n')), 295, c),
    volume(['/var/lib/registry'], c),
    expose(['5000'], c),
    copy('registry-entry', '/entrypoint.sh', layer(c, (t) => t.script('/entrypoint.sh', '#!/bin/sh\n\nset -e\n\ncase "$1" in\n    *.yaml|*.yml) set -- registry serve "$@" ;;\n    serve|garbage-collect|help|-*) set -- registry "$@" ;;\nesac\n\nexec "$@"\n')), 155, c),
    entrypoint(['/entrypoint.sh'], c),
    cmd(['/etc/docker/registry/config.yml'], c),
  ];
  return {
    created: c, steps, config: {
      ExposedPorts: portSet(['5000']), Env: [DEFAULT_PATH],
      Entrypoint: ['/entrypoint.sh'], Cmd: ['/etc/docker/registry/config.yml'], Volumes: pathSet(['/var/lib/registry']),
    },
  };
}

