// Makes a fresh clone runnable: npm dependencies, system packages (nats-server, and for
// tests chromium and Python gRPC), then the TypeScript build. Runs before `npm start`
// and `npm test`; each step is skipped when already done.
//   node scripts/setup.mjs            what `npm start` needs
//   node scripts/setup.mjs --for=test what `npm test` needs too
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const forTest = process.argv.includes('--for=test') || process.env.npm_lifecycle_event === 'pretest';
const say = (m) => process.stderr.write(`[setup] ${m}\n`);
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: 'inherit', ...opts });

// 1. npm dependencies (a changed lock file means reinstall).
const lockNewer = existsSync('node_modules/.package-lock.json') && existsSync('package-lock.json')
  && statSync('package-lock.json').mtimeMs > statSync('node_modules/.package-lock.json').mtimeMs + 1000;
if (!existsSync('node_modules') || lockNewer) {
  // `npm ci`: exactly the lock's versions (the lock carries every platform's optional
  // binaries for lmdb, msgpackr-extract and esbuild). A lock that no longer matches
  // package.json is a mistake to fix, so say it loudly before resolving afresh.
  say('installing npm dependencies from package-lock.json (npm ci)');
  const ci = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (ci.status !== 0) {
    say('WARNING: npm ci failed (package-lock.json out of step with package.json?); running npm install instead.');
    say('WARNING: this install is not reproducible: run `npm install` and commit package-lock.json.');
    run('npm', ['install', '--no-audit', '--no-fund']);
  }
}

// 2. System packages from Debian/Ubuntu apt, when we may install them.
const wanted = [];
const natsFound = process.env.NATS_SERVER_BIN || ['/usr/sbin/nats-server', '/usr/bin/nats-server'].some(existsSync) || has('nats-server');
if (!natsFound && !process.env.NATS_URL) wanted.push('nats-server');
if (forTest) {
  if (!existsSync('/usr/bin/chromium')) wanted.push('chromium');
  if (spawnSync('/usr/bin/python3', ['-c', 'import grpc, grpc_tools']).status !== 0) wanted.push('python3-grpcio', 'python3-grpc-tools');
}
if (wanted.length > 0) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = has('apt-get');
  if (apt && (root || has('sudo'))) {
    const sudo = root ? [] : ['sudo'];
    say(`installing ${wanted.join(', ')} with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(root ? [] : ['apt-get']), 'update', '-qq'], { env });
    run(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(root ? [] : ['apt-get']), 'install', '-y', '-qq', ...wanted], { env });
  } else {
    say(`missing: ${wanted.join(', ')}. Install them (Debian/Ubuntu: sudo apt-get install -y ${wanted.join(' ')}),`);
    say('or set NATS_URL to a running nats-server with JetStream. Tests that need a missing tool skip and say so.');
  }
}

// 3. Build.
say('building (tsc)');
run('npm', ['run', '--silent', 'build']);
