#!/usr/bin/env bash
# System libraries Qt needs on a bare Debian/UOS/Kylin machine, CJK fonts for screenshots,
# LibreOffice for .doc/.wps import and the PDF page checks, and PostgreSQL (initdb, pg_ctl: the
# tests start a throw-away server for the office-library tests). Needs root; skipped otherwise.
set -u
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "install_system_deps: not root or no apt-get; skipping system packages"
    exit 0
fi
packages="libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xkb1 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libfontconfig1 libdbus-1-3 fonts-noto-cjk fonts-liberation2 poppler-utils postgresql"
if [ "${WITH_LIBREOFFICE:-1}" = "1" ]; then
    packages="$packages libreoffice-writer-nogui"
fi
missing=""
for pkg in $packages; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
    echo "install_system_deps: installing$missing"
    apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null \
        || echo "install_system_deps: some packages could not be installed; dependent tests will skip"
fi
