/**
 * scripts/deploy/nginx.conf in a real nginx (Debian's package): the headers, types, compression
 * and caching of every kind of path the site has, over HTTP and HTTPS.
 *
 * The shipped file is used as it is but for five substitutions (each must match exactly once):
 * the two `listen` ports become free ports on 127.0.0.1, `root` a fixture tree in a temp folder,
 * and the certificate paths a throwaway self-signed certificate (openssl). Without openssl the
 * HTTPS lines are removed and only HTTP is tested. luoshi-headers.conf goes where the shipped
 * file includes it from (snippets/, next to the main config, as in /etc/nginx). The main config
 * around it is this test's: pid, logs and temp folders in the temp folder, and Debian's
 * mime.types, as Debian's /etc/nginx/nginx.conf includes it. nginx missing is a failure, not a
 * skip: .ci/run installs it.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const DEPLOY = path.resolve('scripts/deploy');
const MIME_TYPES = '/etc/nginx/mime.types';

const PAGE_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
// Embeds may be framed by any site: no frame-ancestors.
const EMBED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'";
const REVALIDATE = 'public, max-age=300, must-revalidate';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const HSTS = 'max-age=31536000';

/** The nginx binary: $NGINX, nginx on the PATH, or Debian's /usr/sbin/nginx. */
function findNginx(): string {
  for (const candidate of [process.env.NGINX, 'nginx', '/usr/sbin/nginx']) {
    if (candidate && spawnSync(candidate, ['-v']).status === 0) return candidate;
  }
  throw new Error(
    'nginx is not installed: this test runs scripts/deploy/nginx.conf in it (Debian: apt-get install nginx; .ci/run does)',
  );
}

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

// Text bodies long enough to be worth compressing (gzip_min_length is 20 bytes).
const filler = (line: string) => `${line}\n`.repeat(40);

interface Kind {
  url: string;
  file: string;
  body: string | Buffer;
  type: string;
  gzip: boolean;
  cache: string;
  csp: string;
  status?: number;
}

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(200, 7)]);
const PAGE = (title: string) => `<!DOCTYPE html><html lang="zh-CN"><title>${title}</title>${filler('<p>工作任务</p>')}`;

const KINDS: Kind[] = [
  {
    url: '/',
    file: 'index.html',
    body: PAGE('首页'),
    type: 'text/html; charset=utf-8',
    gzip: true,
    cache: REVALIDATE,
    csp: PAGE_CSP,
  },
  {
    url: '/2020/tasks/1/',
    file: '2020/tasks/1/index.html',
    body: PAGE('第1项'),
    type: 'text/html; charset=utf-8',
    gzip: true,
    cache: REVALIDATE,
    csp: PAGE_CSP,
  },
  {
    url: '/embed/x/',
    file: 'embed/x/index.html',
    body: PAGE('图表'),
    type: 'text/html; charset=utf-8',
    gzip: true,
    cache: REVALIDATE,
    csp: EMBED_CSP,
  },
  {
    url: '/_astro/x.js',
    file: '_astro/x.js',
    body: filler('console.log("落实");'),
    type: 'application/javascript; charset=utf-8',
    gzip: true,
    cache: IMMUTABLE,
    csp: PAGE_CSP,
  },
  {
    url: '/_astro/x.css',
    file: '_astro/x.css',
    body: filler("td::before { content: '状态：'; }"),
    type: 'text/css; charset=utf-8',
    gzip: true,
    cache: IMMUTABLE,
    csp: PAGE_CSP,
  },
  {
    url: '/feeds/all.xml',
    file: 'feeds/all.xml',
    body: `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">${filler('<entry><title>进展</title></entry>')}</feed>`,
    type: 'application/atom+xml; charset=utf-8',
    gzip: true,
    cache: REVALIDATE,
    csp: PAGE_CSP,
  },
  {
    url: '/sitemap-index.xml',
    file: 'sitemap-index.xml',
    body: `<?xml version="1.0" encoding="UTF-8"?><sitemapindex>${filler('<sitemap><loc>https://example.gov.cn/sitemap-0.xml</loc></sitemap>')}</sitemapindex>`,
    type: 'text/xml; charset=utf-8',
    gzip: true,
    cache: REVALIDATE,
    csp: PAGE_CSP,
  },
  {
    url: '/data/x.csv',
    file: 'data/x.csv',
    body: `\uFEFF序号,工作任务\n${filler('1,推进老旧小区改造')}`,
    type: 'text/csv; charset=utf-8',
    gzip: true,
    cache: REVALIDATE,
    csp: PAGE_CSP,
  },
  {
    url: '/charts/x.csv',
    file: 'charts/x.csv',
    body: `\uFEFF月份,完成\n${filler('2020-01,3')}`,
    type: 'text/csv; charset=utf-8',
    gzip: true,
    cache: REVALIDATE,
    csp: PAGE_CSP,
  },
  {
    url: '/data/x.json',
    file: 'data/x.json',
    body: JSON.stringify(Array.from({ length: 40 }, (_, i) => ({ no: i, task: '工作任务' }))),
    type: 'application/json',
    gzip: true,
    cache: REVALIDATE,
    csp: PAGE_CSP,
  },
  {
    url: '/pagefind/pagefind.js',
    file: 'pagefind/pagefind.js',
    body: filler('export const search = () => {};'),
    type: 'application/javascript; charset=utf-8',
    gzip: true,
    cache: REVALIDATE,
    csp: PAGE_CSP,
  },
  {
    url: '/charts/x.svg',
    file: 'charts/x.svg',
    body: `<svg xmlns="http://www.w3.org/2000/svg">${filler('<rect width="1" height="1"/>')}</svg>`,
    type: 'image/svg+xml',
    gzip: true,
    cache: REVALIDATE,
    csp: PAGE_CSP,
  },
  { url: '/charts/x.png', file: 'charts/x.png', body: PNG, type: 'image/png', gzip: false, cache: REVALIDATE, csp: PAGE_CSP },
  {
    url: '/missing/',
    file: '404.html',
    body: PAGE('未找到'),
    type: 'text/html; charset=utf-8',
    gzip: true,
    cache: REVALIDATE,
    csp: PAGE_CSP,
    status: 404,
  },
];

interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(port: number, url: string, secure: boolean): Promise<Response> {
  return new Promise((resolve, reject) => {
    const options = { host: '127.0.0.1', port, path: url, headers: { 'accept-encoding': 'gzip' }, timeout: 5000 };
    const done = (res: http.IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    };
    const req = secure ? https.get({ ...options, rejectUnauthorized: false }, done) : http.get(options, done);
    req.on('timeout', () => req.destroy(new Error(`${url}: no answer in 5 s`)));
    req.on('error', reject);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Replaces `from` in `text`, which must occur exactly once (else the shipped file changed shape). */
function substitute(text: string, from: string, to: string): string {
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`scripts/deploy/nginx.conf: expected "${from}" once, found it ${count} times`);
  return text.replace(from, () => to);
}

let dir = '';
let nginx: ChildProcess | undefined;
let httpPort = 0;
let httpsPort = 0;

/** Waits until nginx accepts connections on the port (it exits early on a config error). */
async function listening(port: number, errorLog: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (nginx?.exitCode !== null) {
      throw new Error(`nginx exited (${nginx?.exitCode}):\n${existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : ''}`);
    }
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.on('connect', () => (socket.destroy(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${port} in 10 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  const bin = findNginx();
  expect(existsSync(MIME_TYPES), `${MIME_TYPES} (Debian's nginx-common)`).toBe(true);
  dir = mkdtempSync(path.join(tmpdir(), 'luoshi-nginx-'));
  // nginx's workers run as nobody when the test runs as root.
  chmodSync(dir, 0o755);
  const root = path.join(dir, 'dist');
  for (const kind of KINDS) {
    mkdirSync(path.dirname(path.join(root, kind.file)), { recursive: true });
    writeFileSync(path.join(root, kind.file), kind.body);
  }
  httpPort = await freePort();
  httpsPort = await freePort();

  let site = readFileSync(path.join(DEPLOY, 'nginx.conf'), 'utf8');
  site = substitute(site, '    listen 80;', `    listen 127.0.0.1:${httpPort};`);
  site = substitute(site, '    root /var/www/luoshi/dist;', `    root ${root};`);
  const certificate = '    ssl_certificate /etc/ssl/luoshi/fullchain.pem;';
  const key = '    ssl_certificate_key /etc/ssl/luoshi/privkey.pem;';
  if (hasOpenssl) {
    const made = spawnSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost'].concat([
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ]),
      { encoding: 'utf8', timeout: 30_000 },
    );
    if (made.status !== 0) throw new Error(`openssl req failed: ${made.stderr}`);
    site = substitute(site, '    listen 443 ssl;', `    listen 127.0.0.1:${httpsPort} ssl;`);
    site = substitute(site, certificate, `    ssl_certificate ${path.join(dir, 'cert.pem')};`);
    site = substitute(site, key, `    ssl_certificate_key ${path.join(dir, 'key.pem')};`);
  } else {
    for (const line of ['    listen 443 ssl;', certificate, key]) site = substitute(site, line, '');
  }
  mkdirSync(path.join(dir, 'snippets'));
  writeFileSync(path.join(dir, 'snippets/luoshi-headers.conf'), readFileSync(path.join(DEPLOY, 'luoshi-headers.conf')));
  writeFileSync(path.join(dir, 'site.conf'), site);

  const temp = (name: string) => `${name}_temp_path ${path.join(dir, `${name}-temp`)};`;
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${path.join(dir, 'nginx.pid')};`,
      `error_log ${path.join(dir, 'error.log')} notice;`,
      'events { worker_connections 64; }',
      'http {',
      `    include ${MIME_TYPES};`,
      '    default_type application/octet-stream;',
      '    types_hash_max_size 2048;',
      '    access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `    ${temp(name)}`),
      '    include site.conf;',
      '}',
      '',
    ].join('\n'),
  );
  const args = ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')];

  // nginx -t: the config is valid and draws no warning (a duplicate type, a deprecated directive).
  const check = spawnSync(bin, ['-t', ...args], { encoding: 'utf8', timeout: 30_000 });
  expect(check.status, check.stderr).toBe(0);
  expect(check.stderr.split('\n').filter((line) => /\[(warn|emerg|alert|crit)\]/.test(line))).toEqual([]);

  // Its own process group, so that afterAll stops the master and its workers together.
  nginx = spawn(bin, args, { detached: true, stdio: 'ignore' });
  await listening(httpPort, path.join(dir, 'error.log'));
  if (hasOpenssl) await listening(httpsPort, path.join(dir, 'error.log'));
}, 60_000);

afterAll(async () => {
  const child = nginx;
  if (child?.pid && child.exitCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    process.kill(-child.pid, 'SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000))]);
    if (!stopped) process.kill(-child.pid, 'SIGKILL');
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function checkKind(res: Response, kind: Kind, secure: boolean): void {
  const h = res.headers;
  const where = `${secure ? 'https' : 'http'} ${kind.url}`;
  expect(res.status, where).toBe(kind.status ?? 200);
  expect(h['content-type'], where).toBe(kind.type);
  expect(h['content-security-policy'], where).toBe(kind.csp);
  expect(h['x-content-type-options'], where).toBe('nosniff');
  expect(h['referrer-policy'], where).toBe('strict-origin-when-cross-origin');
  expect(h['permissions-policy'], where).toBe('camera=(), microphone=(), geolocation=()');
  expect(h['cache-control'], where).toBe(kind.cache);
  expect(h['strict-transport-security'], where).toBe(secure ? HSTS : undefined);
  expect(h['content-encoding'], where).toBe(kind.gzip ? 'gzip' : undefined);
  if (kind.gzip) expect(h.vary, where).toBe('Accept-Encoding');
  const body = kind.gzip ? gunzipSync(res.body) : res.body;
  expect(body.equals(Buffer.from(kind.body)), `${where}: the body is the file's`).toBe(true);
}

describe('scripts/deploy/nginx.conf in nginx', () => {
  it('sends the CSP the built pages are checked against (test/site/dist.test.ts): scripts from self, no hashes', () => {
    const shipped = [...readFileSync(path.join(DEPLOY, 'nginx.conf'), 'utf8').matchAll(/Content-Security-Policy "([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(new Set(shipped)).toEqual(new Set([PAGE_CSP, EMBED_CSP]));
    for (const csp of shipped) {
      expect(csp).toMatch(/script-src 'self'/);
      expect(csp).not.toMatch(/'sha256-|'unsafe-inline'/);
    }
  });

  it.each(KINDS.map((kind) => [kind.url, kind] as const))('serves %s over HTTP with its headers', async (_, kind) => {
    checkKind(await get(httpPort, kind.url, false), kind, false);
  });

  // The certificate needs openssl (.ci/run installs it); without it only HTTP is served.
  it.skipIf(!hasOpenssl).each(KINDS.map((kind) => [kind.url, kind] as const))(
    'serves %s over HTTPS with its headers and HSTS',
    async (_, kind) => {
      checkKind(await get(httpsPort, kind.url, true), kind, true);
    },
  );

  it('leaves uncompressed what the client does not accept gzip for', async () => {
    const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http.get({ host: '127.0.0.1', port: httpPort, path: '/data/x.csv' }, resolve).on('error', reject),
    );
    res.resume();
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  });
});
