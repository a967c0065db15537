#!/usr/bin/env bash
# Install the .deb, open the window under Xvfb, render a seed with /usr/bin/baogao, use a throw-away
# PostgreSQL server through it (when initdb is installed), remove the
# package and check nothing of it is left (needs root: dpkg).
#   bash scripts/smoke_deb.sh [dist/baogao-qicao_*.deb]
set -euo pipefail
cd "$(dirname "$0")/.."
deb="${1:-$(ls dist/baogao-qicao_*.deb | tail -1)}"
dpkg -i "$deb" >/dev/null
test -x /usr/bin/baogao && test -f /usr/share/applications/baogao-qicao.desktop
test -f /usr/share/mime/packages/baogao-qicao.xml && echo "已安装：$deb"
bash scripts/smoke_bundle.sh /usr/bin/baogao "$(mktemp -d)/deb_window.png"
# The office library server through the installed app (psycopg and its libpq come in the bundle).
python scripts/build_bundle.py --check-server /usr/bin/baogao
dpkg -r baogao-qicao >/dev/null
left=""
for path in /opt/baogao-qicao /usr/bin/baogao /usr/share/applications/baogao-qicao.desktop \
            /usr/share/mime/packages/baogao-qicao.xml /usr/share/icons/hicolor/scalable/apps/baogao-qicao.svg; do
    [ -e "$path" ] && left="$left $path"
done
if [ -n "$left" ]; then echo "卸载后仍有残留：$left"; exit 1; fi
echo "已卸载，没有残留。"
