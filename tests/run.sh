#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, and runs every test with ctest.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash config/setup.sh --no-demo --with-tests --build-dir=build
cd build
ctest --output-on-failure -j"$(nproc)" --timeout 600
