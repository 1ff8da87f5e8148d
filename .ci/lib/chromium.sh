# Sourced by the browser checks (.ci/checks/browser*.sh): installs Debian's Chromium and one
# Chinese font (WenQuanYi Micro Hei, in the reports' font stack, so screenshots show
# characters, not boxes) when missing, and defines `chrome`, headless Chromium with the
# flags this closed network needs and a fresh profile under "$work" (set it first).
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} (Debian)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
chrome() {
  timeout 180 chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d "$work/profile.XXXX")" "$@"
}
