#!/usr/bin/env bash
# Makes sure the system packages the test suite needs are present (Debian's Chromium for e2e,
# Debian's Python stack for the training pipeline's tests, GNU parallel for the batch recipe's
# test in src/cli/parallel.integration.test.ts). Installs them when it can (root with
# apt-get); otherwise stops with one line saying what to run.
set -euo pipefail

apt_packages=(chromium python3-torch python3-onnx python3-numpy python3-pytest libopenblas0-pthread parallel)

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/parallel ] || missing+=(parallel)
if [ -x /usr/bin/python3 ]; then
  for mod in torch:python3-torch onnx:python3-onnx numpy:python3-numpy pytest:python3-pytest; do
    /usr/bin/python3 -c "import ${mod%%:*}" 2>/dev/null || missing+=("${mod##*:}")
  done
else
  missing+=(python3-torch python3-onnx python3-numpy python3-pytest)
fi
ls /usr/lib/*/openblas-pthread/libblas.so.3 >/dev/null 2>&1 || missing+=(libopenblas0-pthread)

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing missing Debian packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${apt_packages[@]}" >/dev/null
  exit 0
fi

echo "Missing system packages for the tests; run: sudo apt-get install -y ${apt_packages[*]}" >&2
exit 1
