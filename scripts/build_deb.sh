#!/usr/bin/env bash
# Build a .deb for 统信 UOS / 麒麟 / Debian: the bundle (scripts/build_bundle.py) under /opt,
# `baogao` on the PATH, a menu entry in 办公 with the Chinese name and icon, and the
# .draft.json MIME type so a double-click opens a draft in the app.
#   bash scripts/build_deb.sh            # → dist/baogao-qicao_<version>_<arch>.deb
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x dist/baogao/baogao ] || python scripts/build_bundle.py
version="$(python -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')"
arch="$(dpkg --print-architecture)"
package=baogao-qicao
stage="$(mktemp -d)/$package"
mkdir -p "$stage/DEBIAN" "$stage/opt/$package" "$stage/usr/bin" "$stage/usr/share/applications" \
         "$stage/usr/share/icons/hicolor/scalable/apps" "$stage/usr/share/mime/packages"
cp -a dist/baogao/. "$stage/opt/$package/"
cat > "$stage/usr/bin/baogao" <<'SH'
#!/bin/sh
exec /opt/baogao-qicao/baogao "$@"
SH
chmod 755 "$stage/usr/bin/baogao"
cp resources/icons/app.svg "$stage/usr/share/icons/hicolor/scalable/apps/$package.svg"
cat > "$stage/usr/share/applications/$package.desktop" <<'DESKTOP'
[Desktop Entry]
Type=Application
Name=Report Drafting Assistant
Name[zh_CN]=报告起草助手
Comment=Draft annual work reports from last year's, laid out to GB/T 9704
Comment[zh_CN]=参照上年报告起草工作报告，导出符合 GB/T 9704 的 Word 文档
Exec=/opt/baogao-qicao/baogao %f
Icon=baogao-qicao
Terminal=false
Categories=Office;WordProcessor;
MimeType=application/x-baogao-draft;
Keywords=公文;报告;总结;工作要点;
DESKTOP
cat > "$stage/usr/share/mime/packages/$package.xml" <<'MIME'
<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="application/x-baogao-draft">
    <comment>Report draft</comment>
    <comment xml:lang="zh_CN">报告起草助手草稿</comment>
    <sub-class-of type="application/json"/>
    <glob pattern="*.draft.json" weight="60"/>
  </mime-type>
</mime-info>
MIME
# Qt's xcb platform needs these on a bare desktop (the same list as scripts/install_system_deps.sh).
depends="libgl1, libegl1, libxkbcommon0, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-image0, libxcb-render-util0, libxcb-xkb1, libxcb-shape0, libxcb-randr0, libxcb-xinerama0, libfontconfig1, libdbus-1-3"
size_kb="$(du -sk "$stage" | cut -f1)"
cat > "$stage/DEBIAN/control" <<CONTROL
Package: $package
Version: $version
Section: editors
Priority: optional
Architecture: $arch
Depends: $depends
Recommends: libreoffice-writer-nogui | libreoffice-writer, fonts-noto-cjk
Installed-Size: $size_kb
Maintainer: 报告起草助手 <baogao@localhost>
Description: 报告起草助手 — drafting Chinese government work reports
 Pick the report kind, import last year's report, fill each section beside last
 year's text, and export a Word file laid out to GB/T 9704-2012. Works offline.
CONTROL
for script in postinst postrm; do
    cat > "$stage/DEBIAN/$script" <<'HOOK'
#!/bin/sh
set -e
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
command -v update-mime-database >/dev/null 2>&1 && update-mime-database /usr/share/mime || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -f /usr/share/icons/hicolor || true
exit 0
HOOK
    chmod 755 "$stage/DEBIAN/$script"
done
mkdir -p dist
out="dist/${package}_${version}_${arch}.deb"
dpkg-deb --root-owner-group --build "$stage" "$out" >/dev/null
echo "已生成 $out（$(du -h "$out" | cut -f1)）"
