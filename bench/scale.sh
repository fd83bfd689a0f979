#!/usr/bin/env bash
# Measures 'roledoc check' at several project sizes and prints the table
# recorded in docs/performance.md: wall time (best of 3), CPU time and peak
# RSS, with the cost per role, so that linear scale shows as flat columns.
#
#   bash bench/scale.sh                 # 1,000, 3,000 and 10,000 roles
#   SIZES="1000 10000" bash bench/scale.sh
#
# Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 3000 10000"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/roledoc" ./cmd/roledoc
go build -o "$work/gen" ./bench/gen
echo "roledoc check: $(nproc) CPUs, $(go version | cut -d' ' -f3), load $(cut -d' ' -f1 /proc/loadavg)"
printf '| roles | wall, best of 3 | CPU (user+sys) | CPU per role | peak RSS | RSS per role |\n'
printf '| ---: | ---: | ---: | ---: | ---: | ---: |\n'
for n in $SIZES; do
  "$work/gen" -n "$n" -o "$work/p$n"
  if ! (cd "$work/p$n" && "$work/roledoc" check >/dev/null); then
    echo "the $n-role corpus does not check clean" >&2
    exit 1
  fi
  best=999 cpu=0 rss=0
  for _ in 1 2 3; do
    read -r wall u s kb < <(cd "$work/p$n" && /usr/bin/time -f '%e %U %S %M' "$work/roledoc" check 2>&1 >/dev/null | tail -1)
    if awk -v a="$wall" -v b="$best" 'BEGIN{exit !(a<b)}'; then
      best=$wall cpu=$(awk -v u="$u" -v s="$s" 'BEGIN{print u+s}') rss=$kb
    fi
  done
  awk -v n="$n" -v w="$best" -v c="$cpu" -v r="$rss" 'BEGIN{
    printf "| %d | %.2f s | %.2f s | %.2f ms | %d MB | %.0f KB |\n", n, w, c, 1000*c/n, r/1024, r/n }'
  rm -rf "$work/p$n"
done
