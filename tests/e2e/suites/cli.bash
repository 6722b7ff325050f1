# The CLI frame: global options, formats, errors and exit codes.

TEST "version"
sk --version
expect_rc 0
expect_out_contains "shopkeep "

TEST "mistyped subcommand suggests the right one"
sk stauts
expect_rc 2
expect_err_contains "did you mean 'status'"

TEST "unknown flag is a usage error"
sk status --bogus
expect_rc 2
expect_err_contains "shopkeep: error:"
expect_err_contains "--bogus"

TEST "bad --format"
sk status --format xml
expect_rc 2
expect_err_contains "invalid --format 'xml'"

TEST "bad --now"
sk status --now yesterday
expect_rc 2
expect_err_contains "--now"

TEST "global options before or after the subcommand"
sk init
sk --json status
expect_rc 0
a=$(json_get 'd["tables"]')
sk status --json
expect_eq "$(json_get 'd["tables"]')" "$a" "status --json tables"
expect_out_contains '"store_bytes"'

TEST "store is created 0600 in a 0700 folder"
sk --db "$PWD/new/dir/s.db" init
expect_rc 0
expect_file_mode new/dir/s.db 600
expect_file_mode new/dir 700

TEST "unwritable store path is a runtime error"
mkdir ro && chmod 500 ro
if [ "$(id -u)" -eq 0 ]; then
  # root writes anywhere: use a path under a regular file instead
  touch afile; sk --db "$PWD/afile/s.db" init
else
  sk --db "$PWD/ro/s.db" init
fi
expect_rc 1
expect_err_contains "shopkeep: error:"

TEST "env SHOPKEEP_DB and the --db flag: flag wins"
SHOPKEEP_DB=$PWD/env.db sk init
expect_rc 0
[ -f env.db ] || fail "SHOPKEEP_DB was not used"
SHOPKEEP_DB=$PWD/env.db sk --db "$PWD/flag.db" init
[ -f flag.db ] || fail "--db did not beat SHOPKEEP_DB"

TEST "config file: store.path used, env beats it"
printf '[store]\npath = "%s/cfg.db"\n' "$PWD" > c.toml
unset SHOPKEEP_DB
sk --config c.toml init
expect_rc 0
[ -f cfg.db ] || fail "config store.path not used"
SHOPKEEP_DB=$PWD/env2.db sk --config c.toml init
[ -f env2.db ] || fail "env did not beat config"

TEST "bad config names file and line"
printf '[store\npath = 1\n' > bad.toml
sk --config bad.toml status
expect_rc 2
expect_err_contains "bad.toml:1"

TEST "missing config given explicitly"
sk --config nope.toml status
expect_rc 2
expect_err_contains "nope.toml"

TEST "read-only commands on a missing store: exit 1 and nothing created (a mistyped --db)"
for command in status kpi audit "customers rfm" "recommend rules"; do
  sk --db "$PWD/typo/s.db" $command
  expect_rc 1
  expect_err_contains "no store at $PWD/typo/s.db: run 'shopkeep init' or 'shopkeep import'"
done
sk --db "$PWD/typo/s.db" sql "SELECT 1"
expect_rc 1
[ -e typo ] && fail "a read-only command created $PWD/typo"

TEST "init --config PATH creates that config (also --config before init and SHOPKEEP_CONFIG)"
sk init --config "$PWD/a/config.toml"
expect_rc 0
[ -f a/config.toml ] || fail "init --config did not write a/config.toml"
sk --config "$PWD/b.toml" init
expect_rc 0
[ -f b.toml ] || fail "--config b.toml init did not write it"
SHOPKEEP_CONFIG=$PWD/c.toml sk init
expect_rc 0
[ -f c.toml ] || fail "SHOPKEEP_CONFIG=c.toml init did not write it"

TEST "init writes a template once and creates the store"
sk init
expect_rc 0
[ -f home/.config/shopkeep/config.toml ] || fail "no config template"
[ -f store.db ] || fail "no store"
expect_file_mode home/.config/shopkeep/config.toml 600
echo "# mine" >> home/.config/shopkeep/config.toml
sk init --json
expect_rc 0
expect_out_contains '"config_created": false'
grep -q "# mine" home/.config/shopkeep/config.toml || fail "init overwrote the config"

TEST "sql: formats"
sk init
sk sql "SELECT 1 AS a, 'x,y' AS b, NULL AS c" --format csv
expect_rc 0
expect_eq "$(printf '%s' "$OUT" | tr -d '\r')" $'a,b,c\n1,"x,y",' "csv"
sk sql "SELECT 1 AS a UNION ALL SELECT 2" --format ndjson
expect_out_equals $'{"a":1}\n{"a":2}'
sk sql "SELECT 1 AS a WHERE 0" --json
expect_out_equals "[]"

TEST "sql refuses writes and leaves the store untouched"
sk init
sk sql "DELETE FROM customers"
expect_rc 2
expect_err_contains "read-only"
sk sql "CREATE TABLE x(a)"
expect_rc 2
sk sql "SELECT count(*) AS n FROM sqlite_schema WHERE name = 'x'" --format csv
expect_out_contains "0"

TEST "sql that does not prepare"
sk init
sk sql "SELEC nonsense"
expect_rc 2
expect_err_contains "does not prepare"

TEST "every command in --help is documented in the README"
sk --help
expect_rc 0
commands=$(printf '%s\n' "$OUT" | sed -n '/^Subcommands:/,$p' | awk 'NR>1 && /^  [a-z]/ {print $1}')
[ -n "$commands" ] || fail "no commands listed in --help"
for c in $commands; do
  grep -q "^### \`shopkeep $c" "$SHOPKEEP_SOURCE_DIR/README.md" || fail "README has no section for 'shopkeep $c'"
done

TEST "shopkeep alone, help CMD and version"
sk
expect_rc 0
expect_out_contains "Subcommands:"
sk help kpi
expect_rc 0
expect_out_contains "--by"
sk version
expect_rc 0
expect_out_contains "shopkeep "
sk customers
expect_rc 0
expect_out_contains "rfm"

TEST "one error style: an unknown flag gets a did-you-mean and the command's own help"
sk init
sk kpi --form 2026-01-01
expect_rc 2
expect_err_contains "shopkeep: error: unknown flag '--form' for 'shopkeep kpi': did you mean '--from'? (see 'shopkeep kpi --help')"
[[ "$ERR" == *"The following argument"* ]] && fail "CLI11's own message leaked: $ERR"
sk sql
expect_rc 2
expect_err_contains "shopkeep sql needs QUERY"

TEST "--format is case-insensitive; --now takes a date; --fields picks columns"
sk init
sk sql "SELECT 1 AS a, 2 AS b" --format JSON
expect_rc 0
expect_eq "$(json_get 'd[0]["b"]')" 2 "JSON in capitals"
sk sql "SELECT 1 AS a, 2 AS b, 3 AS c" --format csv --fields c,a
expect_eq "$(printf '%s' "$OUT" | tr -d '\r')" $'c,a\n3,1' "--fields c,a"
sk sql "SELECT 1 AS a" --fields nope
expect_rc 2
expect_err_contains "--fields: no field 'nope'"
sk kpi --by day --from 2026-02-01 --now 2026-02-03 --json
expect_rc 0
expect_eq "$(json_get '[r["period_start"] for r in d]')" "[]" "an empty store lists nothing"

TEST "sql keeps repeated column names, refuses ATTACH, accepts a trailing comment, always has a csv header"
sk init
sk sql "SELECT 1 AS title, 2 AS title, 3 AS title" --json
expect_rc 0
expect_eq "$(json_get 'list(d[0].keys())')" "['title', 'title_2', 'title_3']" "columns"
sk sql "ATTACH DATABASE '$PWD/other.db' AS other"
expect_rc 2
expect_err_contains "ATTACH"
[ -e other.db ] && fail "ATTACH created a file through the read-only sql"
sk sql "SELECT 1 AS a; -- the end"
expect_rc 0
sk sql "SELECT 1 AS a, 2 AS b WHERE 0" --format csv
expect_eq "$(printf '%s' "$OUT" | tr -d '\r')" "a,b" "header of an empty result"
sk sql "SELECT 1 AS a WHERE 0"
expect_out_equals "No rows."
# Every format streams; a table sizes its columns on the first 1,000 rows and cuts later cells
many="WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500)
  SELECT i, CASE WHEN i = 1200 THEN 'a much longer value' ELSE 'x' END AS v FROM n"
sk sql "$many"
expect_rc 0
expect_eq "$(printf '%s\n' "$OUT" | wc -l)" 1501 "table lines (header and 1,500 rows)"
expect_eq "$(printf '%s\n' "$OUT" | grep '^1200 ')" "1200  …" "a cell after the sizing rows, cut to its column"
sk sql "$many" --fields v,i --format csv
expect_eq "$(printf '%s' "$OUT" | tr -d '\r' | sed -n 1201p)" "a much longer value,1200" "csv keeps every cell whole"

TEST "a failed write to stdout is exit 1, not a silent success"
sk init
"$SHOPKEEP" status --json >/dev/full 2>err.txt
rc=$?
[ "$rc" -eq 1 ] || fail "status to /dev/full exited $rc"
grep -q "cannot write to standard output" err.txt || fail "no message: $(cat err.txt)"
"$SHOPKEEP" sql "SELECT 1 AS a" --format csv >/dev/full 2>/dev/null
[ "$?" -eq 1 ] || fail "sql to /dev/full did not exit 1"

TEST "config: unknown keys and sections are warned about with file, line and a did-you-mean"
printf '[store]\npath = "%s/k.db"\n[shopp]\nname = "a"\n[audit]\nstale_import_day = 3\nrefund_rate = 0.1\n' "$PWD" > k.toml
sk --config k.toml init
expect_rc 0
expect_err_contains "k.toml:3: unknown section [shopp] (did you mean [shop]?)"
expect_err_contains "k.toml:6: unknown key 'audit.stale_import_day' (did you mean 'audit.stale_import_days'?)"
case "$ERR" in *refund_rate*) fail "a known key was warned about: $ERR" ;; esac
first=$(printf '%s\n' "$ERR" | grep -n "shopp" | cut -d: -f1)
second=$(printf '%s\n' "$ERR" | grep -n "stale_import_day" | cut -d: -f1)
[ "$first" -lt "$second" ] || fail "warnings not in file order: $ERR"

TEST "config: the template init writes has no unknown key"
sk init
expect_rc 0
sk status
case "$ERR" in *unknown*) fail "the template warns: $ERR" ;; esac

TEST "config: store.path takes ~ as the home folder"
printf '[store]\npath = "~/tilde/s.db"\n' > t.toml
unset SHOPKEEP_DB
sk --config t.toml init
expect_rc 0
[ -f "$HOME/tilde/s.db" ] || fail "~ was not expanded to \$HOME ($HOME)"
