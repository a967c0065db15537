#!/usr/bin/env bash
# Smoke test of a built bundle (python scripts/build_bundle.py): the window opens on a real X
# display (Xvfb when there is none) and a seed renders from the bundle's own CLI.
#   bash scripts/smoke_bundle.sh [BUNDLE_EXECUTABLE] [SCREENSHOT.png]
set -euo pipefail
cd "$(dirname "$0")/.."
app="${1:-dist/baogao/baogao}"
shot="${2:-docs/screenshots/bundle_window.png}"
seed="$(ls ../shared/seeds/*.txt 2>/dev/null | head -1 || true)"
export BAOGAO_HOME="$(mktemp -d)"
if [ -z "${DISPLAY:-}" ]; then
    Xvfb :97 -screen 0 1280x800x24 >/dev/null 2>&1 &
    xvfb=$!
    trap 'kill $xvfb 2>/dev/null || true' EXIT
    export DISPLAY=:97
    sleep 1
fi
unset QT_QPA_PLATFORM  # the real xcb platform, as on a clerk's desktop
BAOGAO_SMOKE_SCREENSHOT="$PWD/$shot" timeout 60 "$app"
test -s "$shot" && echo "窗口已打开，截图：$shot"
if [ -n "$seed" ]; then
    out="$(mktemp -d)/seed.docx"
    "$app" render "$seed" -o "$out" 2>/dev/null
    test -s "$out" && echo "已用打包版生成：$out"
    # jieba's dictionary and pypinyin's table are read from the bundle's own files: the checks
    # and the library need both (a bundle once missed pypinyin and 检查 failed).
    status=0; "$app" check "$seed" >/dev/null || status=$?
    if [ "$status" -gt 1 ]; then echo "打包版检查失败（退出码 $status）" >&2; exit 1; fi  # 1: findings listed
    echo "已用打包版检查：$seed"
    "$app" library add "$seed" >/dev/null
    "$app" library search 乡村振兴 | grep -q . || { echo "打包版资料库检索无结果" >&2; exit 1; }
    echo "已用打包版收入并检索资料库"
fi
