#!/usr/bin/env bash
# Installs Debian's Chromium (the browser the e2e tests, the demo and the benchmark drive)
# when it is missing. Uses sudo unless already root.
set -euo pipefail
if [ -x /usr/lib/chromium/chromium ] || [ -n "${CHROME_PATH:-}" ]; then
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
echo "Installed $(/usr/lib/chromium/chromium --version)"
