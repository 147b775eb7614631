#!/usr/bin/env bash
# One command for the benchmark: bash bench/run.sh [--postgres] [--duration 10] [--warmup 10] [--warmup-max 90] [--connections 64] [--links 1000000] [--only create,purchase,...]
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq --no-install-recommends wrk
fi
dotnet publish src/Paylink.Server -c Release -o bench/out/server --nologo -v q
dotnet publish bench/Ceiling -c Release -o bench/out/ceiling --nologo -v q
dotnet run -c Release --project bench/Paylink.Bench -- "$@"
