#!/usr/bin/env bash
# Measures roledoc at several project sizes and prints the tables recorded
# in docs/performance.md: 'roledoc check' (wall time best of 3, CPU time,
# peak RSS, with the cost per role, so that linear scale shows as flat
# columns), then a full build, a build with nothing to do, and one after
# a role is edited.
#
#   bash bench/scale.sh                      # 1,000, 3,000 and 10,000 roles
#   SIZES="1000 3000" bash bench/scale.sh
#   BUILD=0 bash bench/scale.sh              # check only
#   FORMAT=html bash bench/scale.sh          # build HTML only (the PDFs are
#                                            # most of a full build's time)
#
# The full build renders roles x 5 languages x 2 formats documents: about
# 70 s of CPU per 1,000 roles. Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 3000 10000"}
BUILD=${BUILD:-1}
FORMAT=${FORMAT:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/roledoc" ./cmd/roledoc
go build -o "$work/gen" ./bench/gen
echo "roledoc: $(nproc) CPUs, $(go version | cut -d' ' -f3), load $(cut -d' ' -f1 /proc/loadavg)"

# measure DIR ARGS... prints "wall cpu rss_kb" of one run.
measure() {
  local dir=$1
  shift
  (cd "$dir" && /usr/bin/time -f '%e %U %S %M' "$work/roledoc" "$@" 2>&1 >/dev/null | tail -1) |
    awk '{printf "%s %.2f %s\n", $1, $2+$3, $4}'
}
row() { # what n wall cpu kb
  awk -v w="$1" -v n="$2" -v t="$3" -v c="$4" -v r="$5" 'BEGIN{
    printf "| %d | %s | %.2f s | %.2f s | %.2f ms | %d MB |\n", n, w, t, c, 1000*c/n, r/1024 }'
}

printf '| roles | what | wall | CPU (user+sys) | CPU per role | peak RSS |\n'
printf '| ---: | --- | ---: | ---: | ---: | ---: |\n'
for n in $SIZES; do
  p="$work/p$n"
  "$work/gen" -n "$n" -o "$p"
  if ! (cd "$p" && "$work/roledoc" check >/dev/null); then
    echo "the $n-role corpus does not check clean" >&2
    exit 1
  fi
  best=999 cpu=0 rss=0
  for _ in 1 2 3; do
    read -r wall c kb < <(measure "$p" check)
    if awk -v a="$wall" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$wall cpu=$c rss=$kb; fi
  done
  row check "$n" "$best" "$cpu" "$rss"
  [ "$BUILD" = 1 ] || { rm -rf "$p"; continue; }
  flags=(build -q)
  [ -z "$FORMAT" ] || flags+=(--format "$FORMAT")
  read -r wall c kb < <(measure "$p" "${flags[@]}")
  row "full build${FORMAT:+ ($FORMAT)}" "$n" "$wall" "$c" "$kb"
  # The inputs the build recorded are a second old at most; a build right
  # after would not trust their times (git's racy-clean rule) and check
  # everything, correctly but slowly. Wait as a person would.
  sleep 3
  read -r wall c kb < <(measure "$p" "${flags[@]}") # records the inputs
  best=999 cpu=0 rss=0
  for _ in 1 2 3; do
    read -r wall c kb < <(measure "$p" "${flags[@]}")
    if awk -v a="$wall" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$wall cpu=$c rss=$kb; fi
  done
  row "nothing to do, best of 3" "$n" "$best" "$cpu" "$rss"
  touch "$p"/roles/*.yaml
  read -r wall c kb < <(measure "$p" "${flags[@]}")
  row "every role touched, none changed" "$n" "$wall" "$c" "$kb"
  first=$(ls "$p/roles" | head -1)
  sed -i '0,/^title: /s/^title: \(.*\)$/title: \1 (edited)/' "$p/roles/$first"
  read -r wall c kb < <(measure "$p" "${flags[@]}")
  row "one role's title edited" "$n" "$wall" "$c" "$kb"
  rm -rf "$p"
done
