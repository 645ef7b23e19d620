/**
 * The packages the simulated PyPI offers pip (Python 3 and Python 2 releases): names, versions,
 * dependencies, the wheel size pip reports while downloading, and the size the package takes once
 * installed (sources plus the byte-compiled __pycache__ pip writes), so that `pip install flask`
 * adds a layer of about 3.6 MB as in reality, not just the wheels' 0.4 MB.
 */
export interface PipPkg {
  name: string;
  version: string;
  deps: string[];
  /** The wheel's download size in kB (what pip prints). */
  kb: number;
  /** What the package weighs installed in site-packages, its __pycache__ included, in kB. */
  installedKb: number;
  module: string;
  bin?: string;
}
export const PY3: Record<string, PipPkg> = {
  flask: { name: 'flask', version: '3.0.3', deps: ['werkzeug', 'jinja2', 'itsdangerous', 'click', 'blinker', 'importlib-metadata'], kb: 101, installedKb: 480, module: 'flask', bin: 'flask' },
  werkzeug: { name: 'werkzeug', version: '3.0.3', deps: ['markupsafe'], kb: 227, installedKb: 1250, module: 'werkzeug' },
  jinja2: { name: 'jinja2', version: '3.1.4', deps: ['markupsafe'], kb: 133, installedKb: 1000, module: 'jinja2' },
  markupsafe: { name: 'MarkupSafe', version: '2.1.5', deps: [], kb: 25, installedKb: 60, module: 'markupsafe' },
  itsdangerous: { name: 'itsdangerous', version: '2.2.0', deps: [], kb: 16, installedKb: 95, module: 'itsdangerous' },
  click: { name: 'click', version: '8.1.7', deps: [], kb: 97, installedKb: 700, module: 'click' },
  blinker: { name: 'blinker', version: '1.8.2', deps: [], kb: 9, installedKb: 45, module: 'blinker' },
  'importlib-metadata': { name: 'importlib-metadata', version: '8.0.0', deps: ['zipp'], kb: 24, installedKb: 110, module: 'importlib_metadata' },
  zipp: { name: 'zipp', version: '3.19.2', deps: [], kb: 9, installedKb: 40, module: 'zipp' },
  redis: { name: 'redis', version: '5.0.7', deps: ['async-timeout'], kb: 252, installedKb: 2600, module: 'redis' },
  'async-timeout': { name: 'async-timeout', version: '4.0.3', deps: [], kb: 5, installedKb: 30, module: 'async_timeout' },
  requests: { name: 'requests', version: '2.32.3', deps: ['urllib3', 'idna', 'certifi', 'charset-normalizer'], kb: 64, installedKb: 330, module: 'requests' },
  urllib3: { name: 'urllib3', version: '2.2.2', deps: [], kb: 121, installedKb: 900, module: 'urllib3' },
  idna: { name: 'idna', version: '3.7', deps: [], kb: 66, installedKb: 600, module: 'idna' },
  certifi: { name: 'certifi', version: '2024.7.4', deps: [], kb: 162, installedKb: 320, module: 'certifi' },
  'charset-normalizer': { name: 'charset-normalizer', version: '3.3.2', deps: [], kb: 142, installedKb: 700, module: 'charset_normalizer' },
  gunicorn: { name: 'gunicorn', version: '22.0.0', deps: ['packaging'], kb: 84, installedKb: 800, module: 'gunicorn', bin: 'gunicorn' },
  packaging: { name: 'packaging', version: '24.1', deps: [], kb: 53, installedKb: 350, module: 'packaging' },
};
export const PY2: Record<string, PipPkg> = {
  flask: { name: 'Flask', version: '1.1.4', deps: ['werkzeug', 'jinja2', 'itsdangerous', 'click'], kb: 94, installedKb: 450, module: 'flask', bin: 'flask' },
  werkzeug: { name: 'Werkzeug', version: '1.0.1', deps: [], kb: 298, installedKb: 1400, module: 'werkzeug' },
  jinja2: { name: 'Jinja2', version: '2.11.3', deps: ['markupsafe'], kb: 125, installedKb: 1100, module: 'jinja2' },
  markupsafe: { name: 'MarkupSafe', version: '1.1.1', deps: [], kb: 24, installedKb: 70, module: 'markupsafe' },
  itsdangerous: { name: 'itsdangerous', version: '1.1.0', deps: [], kb: 16, installedKb: 90, module: 'itsdangerous' },
  click: { name: 'click', version: '7.1.2', deps: [], kb: 82, installedKb: 650, module: 'click' },
  redis: { name: 'redis', version: '3.5.3', deps: [], kb: 72, installedKb: 400, module: 'redis' },
};

/** Bytes the package's stand-in file carries (its METADATA file is written separately). */
export function installedBytes(p: PipPkg): number {
  return p.installedKb * 1024;
}
