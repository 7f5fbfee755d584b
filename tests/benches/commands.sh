#!/usr/bin/env bash
# Whole-process timings of what users wait for on the command line: every export, the imports of
# the plan's own exports (dry run), diff, merge (beside `git merge-file` on the same three files),
# `check` and `fmt --check`, on generated plans of 1,000, 10,000 and 100,000 accounts. Each
# command runs for every binary given, paired in one hyperfine run (best of RUNS, default 3),
# so two builds are compared on the same files under the same load. Peak memory is GNU time's
# maximum resident set size.
#
#   tests/benches/commands.sh BIN [BIN...]          e.g. a build before a change and one after
#   SIZES="10000 100000" RUNS=5 tests/benches/commands.sh target/release/preshow
#
# Exit codes are not looked at (check exits 1 on gaps, merge on a conflict).
# Needs hyperfine and GNU time (Debian: hyperfine, time) and git. Writes its plans and results
# to $WORK (default: a temporary folder), and prints one table: per command and size, the best
# time of each binary, and for the last size its growth from the one before.
set -euo pipefail

(($#)) || { sed -n '2,14p' "$0" >&2; exit 2; }
bins=()
for bin in "$@"; do bins+=("$(realpath "$bin")"); done
sizes=${SIZES:-1000 10000 100000}
runs=${RUNS:-3}
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
for tool in hyperfine git /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "commands.sh: $tool is missing" >&2; exit 2; }
done
gen=${bins[-1]}
results=$work/results.csv
echo "command,size,binary,seconds,peak_mib" >"$results"

# An account block to append at the end of the accounts list of a plan.
account() {
    printf '        (\n            id: "%s",\n            name: "%s",\n            tier: 2,\n            owner: "%s",\n        ),\n' "$1" "$2" "$3"
}

# BASE OUT ID NAME: OUT is BASE with one more account at the end of its accounts.
append_account() {
    local end owner
    end=$(awk '/^    accounts: \[/ { inside = 1 } inside && /^    \],/ { print NR; exit }' "$1")
    owner=$(grep -m1 -o 'owner: "[^"]*"' "$1" | cut -d'"' -f2)
    { head -n $((end - 1)) "$1"; account "$3" "$4" "$owner"; tail -n +"$end" "$1"; } >"$2"
}

# NAME SIZE COMMAND...: times COMMAND for every binary ({} in it is the binary), best of $runs.
time_it() {
    local name=$1 size=$2
    shift 2
    local template="$*" cmds=() bin
    for bin in "${bins[@]}"; do cmds+=("${template//\{\}/$bin}"); done
    hyperfine --style none --ignore-failure --runs "$runs" --warmup 1 --export-csv "$work/h.csv" \
        ${PREPARE:+--prepare "$PREPARE"} "${cmds[@]}" >/dev/null 2>&1 ||
        { echo "commands.sh: failed: ${cmds[0]}" >&2; return 1; }
    local i=0
    tail -n +2 "$work/h.csv" | while IFS=, read -r _ _ _ _ _ _ min _; do
        local b=${bins[$i]} peak
        # Peak memory of one more run (after PREPARE, when there is one).
        if [ -n "${PREPARE:-}" ]; then bash -c "$PREPARE"; fi
        peak=$(/usr/bin/time -f %M bash -c "${template//\{\}/$b} >/dev/null 2>&1" 2>&1 | tail -n 1 || true)
        echo "$name,$size,$((i + 1)),$min,$((peak / 1024))" >>"$results"
        i=$((i + 1))
    done
}

for n in $sizes; do
    d=$work/$n
    mkdir -p "$d"
    plan=$d/plan.ron
    [ -f "$plan" ] || "$gen" generate --accounts "$n" -o "$plan" --force >/dev/null 2>&1
    # Merge inputs: each side appends an account, and ours also edits a field of the first one.
    append_account "$plan" "$d/ours.ron" zz-ours-appended "Ours Appended"
    sed -i '0,/            tier: 3,/s//            tier: 2,/' "$d/ours.ron"
    append_account "$plan" "$d/theirs.ron" zz-theirs-appended "Theirs Appended"
    echo "== $n accounts ($(du -h "$plan" | cut -f1))" >&2

    time_it "check" "$n" "{} check $plan --today 2027-02-15"
    time_it "fmt --check" "$n" "{} fmt --check $plan"
    for table in accounts meetings handoffs leads; do
        time_it "export --csv $table" "$n" "{} export --csv $table -o - $plan"
    done
    time_it "export --brief md" "$n" "{} export --brief md -o - --today 2027-02-15 $plan"
    time_it "export --brief html" "$n" "{} export --brief html -o - --today 2027-02-15 $plan"
    time_it "export --ics" "$n" "{} export --ics - $plan"
    "$gen" export --csv accounts -o "$d/accounts.csv" --force "$plan" >/dev/null
    "$gen" export --csv meetings -o "$d/meetings.csv" --force "$plan" >/dev/null
    time_it "import --accounts (dry run)" "$n" "{} import --accounts $d/accounts.csv --dry-run $plan"
    time_it "import --meetings (dry run)" "$n" "{} import --meetings $d/meetings.csv --dry-run $plan"
    time_it "diff" "$n" "{} diff $plan $d/ours.ron"
    PREPARE="cp $d/ours.ron $d/work.ron" time_it "merge" "$n" "{} merge $plan $d/work.ron $d/theirs.ron"
    PREPARE="cp $d/ours.ron $d/work.ron" time_it "git merge-file" "$n" \
        "true {}; git merge-file $d/work.ron $plan $d/theirs.ron"
done

# The table: a row per command and size, a column per binary (seconds, peak MiB).
echo
header="| command | accounts |"
rule="|---|---|"
for i in "${!bins[@]}"; do
    header+=" binary $((i + 1)) |"
    rule+="---|"
done
echo "$header growth from the size before |"
echo "$rule---|"
awk -F, -v nbins="${#bins[@]}" '
    NR == 1 { next }
    {
        key = $1 "," $2
        if (!(key in seen)) { seen[key] = 1; order[++rows] = key }
        cell[key, $3] = sprintf("%.3f s, %d MiB", $4, $5)
        secs[key, $3] = $4
        if (!(($1) in firstsize)) firstsize[$1] = $2
    }
    END {
        for (r = 1; r <= rows; r++) {
            split(order[r], k, ",")
            line = "| " k[1] " | " k[2] " |"
            for (b = 1; b <= nbins; b++) line = line " " cell[order[r], b] " |"
            growth = ""
            if (prev[k[1]] != "") {
                for (b = 1; b <= nbins; b++)
                    growth = growth sprintf("%s%.1f×", (b > 1 ? " / " : ""),
                        secs[order[r], b] / secs[prev[k[1]], b])
            }
            print line " " growth " |"
            prev[k[1]] = order[r]
        }
    }' "$results"
echo
echo "(binaries: ${bins[*]}; results in $results)"
