#!/usr/bin/env bash
# Installs the browsers the e2e tests, the demo and the benchmark drive, when missing: Debian's
# Chromium and Debian's Firefox ESR (no test tool downloads a browser of its own here), and
# openssl. Uses sudo unless already root.
set -euo pipefail
missing=()
[ -x /usr/lib/chromium/chromium ] || [ -n "${CHROME_PATH:-}" ] || missing+=(chromium)
[ -x /usr/lib/firefox-esr/firefox-esr ] || [ -n "${FIREFOX_PATH:-}" ] || missing+=(firefox-esr)
# The demo's throwaway certificate for the providers' own addresses (tests/demo/real-hosts.ts).
command -v openssl >/dev/null || missing+=(openssl)
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
[ -x /usr/lib/chromium/chromium ] && echo "Chromium: $(/usr/lib/chromium/chromium --version)"
[ -x /usr/lib/firefox-esr/firefox-esr ] && echo "Firefox: $(/usr/lib/firefox-esr/firefox-esr --version)"
