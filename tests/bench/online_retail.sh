# Sourced by the Online Retail benchmarks: `online_retail_store [FILE]` converts UCI Online Retail
# (CSV, .csv.gz or UCI's "Online Retail.xlsx"; default $ONLINE_RETAIL) with
# tests/tools/online_retail_to_jsonl.py and imports it once into $db; sets `now` to the day after
# the file's last invoice. The file is not part of the repository (CC BY 4.0, from the UCI Machine
# Learning Repository, dataset 352): download it and pass its path.
work=${WORK:-${TMPDIR:-/tmp}/shopkeep-bench-online-retail}
mkdir -p "$work"
db=$work/online_retail.db
now=2011-12-10T00:00:00Z

online_retail_store() {
  local file=${1:-${ONLINE_RETAIL:-}}
  if [ -z "$file" ] || [ ! -f "$file" ]; then
    echo "skipped: give the path of the UCI Online Retail file (CSV, .csv.gz or .xlsx; or env ONLINE_RETAIL)," \
      "downloaded from https://archive.ics.uci.edu/dataset/352/online+retail" >&2
    exit 0
  fi
  local stamp
  stamp=$(stat -c '%s %Y' "$file")
  if [ ! -f "$db" ] || [ "$(cat "$work/source" 2>/dev/null)" != "$file $stamp" ]; then
    rm -f "$db"
    /usr/bin/python3 "$here/../tools/online_retail_to_jsonl.py" "$file" "$work/online_retail.jsonl"
    "$build/shopkeep" --db "$db" -q import shopify "$work/online_retail.jsonl"
    echo "$file $stamp" > "$work/source"
  fi
}
