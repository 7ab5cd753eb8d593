#!/usr/bin/env bash
# Headless Chromium for the review-page browser tests: Debian's `chromium` package, installed with apt-get when
# missing (never a downloaded browser build). Non-interactive; uses sudo -n when not root. If it cannot be
# installed, say so and exit 0: the browser tests then skip with that reason.
set -uo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install_chromium: no apt-get here; the browser tests will be skipped" >&2
  exit 0
fi
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    echo "install_chromium: not root and no password-less sudo; the browser tests will be skipped" >&2
    exit 0
  fi
fi
echo "install_chromium: installing Debian's chromium (headless browser tests)" >&2
export DEBIAN_FRONTEND=noninteractive
if "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 \
   && "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >&2; then
  echo "install_chromium: $(chromium --version 2>/dev/null | head -1)" >&2
else
  echo "install_chromium: apt-get could not install chromium; the browser tests will be skipped" >&2
fi
exit 0
