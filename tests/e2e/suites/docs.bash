# The documentation written from the command tree never drifts from --help: the man pages document
# every command and option --help lists (and are valid roff), and docs/cli-reference.md and the
# README's command table are what the binary writes (scripts/update-docs rewrites them).

# The command paths --help lists ("" is the top level), one a line, depth first.
help_subcommands() {
  "$SHOPKEEP" "$@" --help | sed -n '/^Subcommands:/,/^$/p' | awk '/^  [a-z]/ {print $1}'
}
command_paths() {
  local path=$1 sub
  echo "$path"
  for sub in $(help_subcommands $path); do command_paths "${path:+$path }$sub"; done
}
# The options --help lists for a command path: -x and --long names.
help_options() {
  "$SHOPKEEP" $1 --help | grep -oE '^  (-[a-zA-Z],)?--?[a-z][a-z-]*' | sed 's/^ *//; s/,/\n/'
}
# render PAGE: the man page as plain text, on lines long enough that nothing wraps or hyphenates.
render() {
  groff -man -Tascii -rLL=400n -rHY=0 -P-cbou "$1" 2>/dev/null
}

TEST "one man page for shopkeep and one per command"
sk __man man
expect_rc 0
want=$( (echo shopkeep.1; for c in $(help_subcommands); do echo "shopkeep-$c.1"; done) | sort)
expect_eq "$(ls man | sort | tr '\n' ' ')" "$(echo $want) " "man pages"

TEST "each man page is valid roff and documents every command and option --help lists"
"$SHOPKEEP" __man man || fail "__man failed"
command -v groff >/dev/null || fail "groff is not installed (scripts/deps installs man-db, which brings it)"
for page in man/*.1; do
  warnings=$(groff -man -Tascii -ww -z "$page" 2>&1)
  [ -z "$warnings" ] || fail "$page: groff warns: $warnings"
done
while IFS= read -r path; do
  top=${path%% *}
  page=man/shopkeep${top:+-$top}.1
  text=$(render "$page")
  description=$("$SHOPKEEP" $path --help | head -1)
  [[ -z $path ]] && description=${description#shopkeep: }
  [[ $text == *"$description"* ]] || fail "$page lacks the description of 'shopkeep $path': $description"
  [[ -z $path || $text == *"shopkeep $path"* ]] || fail "$page does not name 'shopkeep $path'"
  for option in $(help_options "$path"); do
    [[ $text == *"$option"* ]] || fail "$page does not document $option of 'shopkeep $path'"
  done
done < <(command_paths "")
text=$(render man/shopkeep.1)
for c in $(help_subcommands); do
  [[ $text == *"shopkeep-$c(1)"* ]] || fail "shopkeep(1) does not refer to shopkeep-$c(1)"
done

TEST "man reads the pages (man -l)"
"$SHOPKEEP" __man man || fail "__man failed"
command -v man >/dev/null || fail "man is not installed (scripts/deps installs man-db)"
out=$(MANWIDTH=200 man -P cat -l man/shopkeep-sync.1 2>&1)
[[ $out == *"shopkeep-sync - Pull from the Shopify and Zendesk APIs"* ]] || fail "man -l shopkeep-sync.1: ${out:0:400}"

TEST "docs/cli-reference.md is what the binary writes (else run scripts/update-docs)"
sk __reference
expect_rc 0
diff <(printf '%s\n' "$OUT") "$SHOPKEEP_SOURCE_DIR/docs/cli-reference.md" > ref.diff ||
  fail "docs/cli-reference.md differs from 'shopkeep __reference': run scripts/update-docs ($(head -c 600 ref.diff))"

TEST "the README's command table is what the binary writes (else run scripts/update-docs)"
sk __reference --summary
expect_rc 0
readme_table=$(sed -n '/^<!-- begin: shopkeep __reference --summary/,/^<!-- end: shopkeep __reference --summary/p' \
  "$SHOPKEEP_SOURCE_DIR/README.md" | sed '1d;$d')
[ "$readme_table" == "$OUT" ] || fail "README.md's command table differs from 'shopkeep __reference --summary': run scripts/update-docs"
while IFS= read -r path; do
  [ -z "$path" ] && continue
  grep -qF "[\`shopkeep $path\`]" "$SHOPKEEP_SOURCE_DIR/README.md" || fail "README's table lacks 'shopkeep $path'"
done < <(command_paths "")

TEST "hidden commands stay out of --help and the completions"
sk --help
[[ $OUT != *"__"* ]] || fail "--help lists a hidden command"
sk completion bash
[[ $OUT != *"__man"* && $OUT != *"__reference"* ]] || fail "the bash completion offers a hidden command"
