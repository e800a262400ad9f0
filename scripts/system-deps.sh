#!/usr/bin/env bash
# Installs the Debian packages the browser tests need when they are missing: chromium (unless
# CHROME_PATH names a browser), poppler-utils (pdfinfo) and libreoffice-impress (opens exported
# .pptx files). Silent when everything is present; runs `apt-get update` once, then `apt-get install`,
# as root or through sudo.
set -euo pipefail

packages=()
if [ -z "${CHROME_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then packages+=(chromium); fi
if ! command -v pdfinfo >/dev/null 2>&1; then packages+=(poppler-utils); fi
if ! command -v libreoffice >/dev/null 2>&1; then packages+=(libreoffice-impress); fi
[ ${#packages[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: the browser tests need ${packages[*]}; install them, or set CHROME_PATH to a Chromium-family browser." >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "system-deps: installing ${packages[*]} needs root; run: apt-get install ${packages[*]}" >&2
    exit 1
  fi
  sudo=(sudo)
fi

echo "system-deps: installing ${packages[*]}…" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
