#!/usr/bin/env bash
# Builds the app and serves it at http://127.0.0.1:4173 (on first start it shows the demo data).
set -euo pipefail
npx vite build --logLevel warn
echo "Territory Planner: open http://127.0.0.1:4173/ in your browser (Ctrl+C to stop)."
exec npx vite preview --port 4173 --strictPort
