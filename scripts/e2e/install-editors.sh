#!/bin/sh
# Installs the editors the end-to-end tests drive (test/editors.test.ts):
# Debian's neovim, emacs-nox and elpa-eglot. Idempotent: packages already
# installed are left alone, and apt-get is not run at all when nothing is
# missing. Needs root (or sudo without a password) and a Debian/Ubuntu apt.
set -eu

PACKAGES="neovim emacs-nox elpa-eglot"

installed() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" = "installed" ]
}

missing=""
for p in $PACKAGES; do
  if installed "$p"; then
    echo "install-editors: $p $(dpkg-query -W -f='${Version}' "$p") is already installed"
  else
    missing="$missing $p"
  fi
done

if [ -z "$missing" ]; then
  echo "install-editors: nothing to do"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-editors: apt-get not found; install$missing by hand" >&2
  exit 2
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo -n"
else
  echo "install-editors: need root (or passwordless sudo) to install$missing" >&2
  exit 2
fi

export DEBIAN_FRONTEND=noninteractive
echo "install-editors: apt-get update"
$SUDO apt-get update -q
echo "install-editors: apt-get install -y --no-install-recommends$missing"
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing

for p in $missing; do
  if ! installed "$p"; then
    echo "install-editors: $p did not install" >&2
    exit 1
  fi
done
# Versions from dpkg, not from running the editors (nvim --version alone
# creates ~/.cache/nvim).
for p in $PACKAGES; do
  echo "install-editors: $p $(dpkg-query -W -f='${Version}' "$p")"
done
