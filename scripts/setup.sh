#!/usr/bin/env bash
# Installs everything Spanwise needs on a fresh Debian machine: npm packages, and (as root, when
# missing) Debian's Chromium for the browser tests, Xvfb for the desktop tests, git for team sync
# and the Python packages the agreement tests compare against. The Electron
# binary is fetched only where that is possible; elsewhere browser mode is used.
set -euo pipefail
cd "$(dirname "$0")/.."

need_packages=()
command -v chromium >/dev/null 2>&1 || need_packages+=(chromium)
command -v xvfb-run >/dev/null 2>&1 || need_packages+=(xvfb xauth)
# team sync drives the system git
command -v git >/dev/null 2>&1 || need_packages+=(git)
# agreement measures are cross-checked against independent implementations, which Debian's
# packages make visible to /usr/bin/python3 only
[ -x /usr/bin/python3 ] || need_packages+=(python3)
for module in sklearn:python3-sklearn nltk:python3-nltk statsmodels:python3-statsmodels; do
  /usr/bin/python3 -c "import ${module%%:*}" >/dev/null 2>&1 || need_packages+=("${module##*:}")
done
if [ ${#need_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${need_packages[*]} from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_packages[@]}" >/dev/null
  else
    echo "setup: please install ${need_packages[*]} (needed by the tests)" >&2
  fi
fi

echo "setup: installing npm packages"
ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund

# Electron downloads its binary on demand; try once, briefly, and carry on without it.
if [ -z "${ELECTRON_SKIP_BINARY_DOWNLOAD:-}" ] && [ -z "${CI:-}" ]; then
  timeout 120 node node_modules/electron/install.js >/dev/null 2>&1 \
    && echo "setup: Electron binary installed" \
    || echo "setup: no Electron binary (download not possible here): use browser mode, npm run serve"
fi
