#!/usr/bin/env bash
# The whole test suite, as `npm test` runs it: system packages, type check, lint, format,
# unit tests (Vitest), the training pipeline's Python tests, and e2e in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-test-deps.sh
npm run --silent typecheck
npm run --silent lint
npm run --silent format:check
npm run --silent test:unit
npm run --silent test:py
npm run --silent test:e2e
