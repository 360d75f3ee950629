#!/usr/bin/env bash
# The component tests run in Debian's Chromium. Install it when it is missing (CI, a new machine).
set -euo pipefail
if [ -x "${CHROME_PATH:-/usr/bin/chromium}" ]; then exit 0; fi
if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "chromium: installing Debian's chromium package" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "chromium: not found. Install Debian's chromium package (apt-get install chromium) or set CHROME_PATH." >&2
  exit 1
fi
