# Shell completion: the scripts `shopkeep completion` writes, driven in bash (with and without the
# bash-completion package), zsh (an interactive shell in a pseudo-terminal) and fish (complete -C),
# and checked against --help: every command and option --help lists is offered.

tools=$SHOPKEEP_SOURCE_DIR/tests/e2e/tools
scripts=$E2E_ROOT/scripts
mkdir -p "$scripts"
"$SHOPKEEP" completion bash > "$scripts/shopkeep.bash" || fail "completion bash failed"
"$SHOPKEEP" completion zsh > "$scripts/_shopkeep" || fail "completion zsh failed"
"$SHOPKEEP" completion fish > "$scripts/shopkeep.fish" || fail "completion fish failed"

shells=(bash)
[ -f /usr/share/bash-completion/bash_completion ] && shells+=(bash-completion)
command -v zsh >/dev/null && shells+=(zsh)
command -v fish >/dev/null && shells+=(fish)
echo "shells: ${shells[*]}"

# complete_in SHELL LINE: the candidates SHELL offers at the end of LINE, sorted, on one line, with
# an --option= prefix removed (zsh and fish repeat it, bash does not).
complete_in() {
  case $1 in
    bash) bash --norc --noprofile "$tools/bash_complete.bash" "$scripts/shopkeep.bash" "$2" ;;
    bash-completion)
      WITH_BASH_COMPLETION=1 bash --norc --noprofile "$tools/bash_complete.bash" "$scripts/shopkeep.bash" "$2" ;;
    zsh) timeout 60 zsh -f "$tools/zsh_complete.zsh" "$scripts/_shopkeep" "$2" ;;
    fish) timeout 60 fish --no-config -c 'source $argv[1]; complete -C $argv[2]' "$scripts/shopkeep.fish" "$2" | cut -f1 ;;
  esac | sed 's/^--[a-z-]*=//' | sort -u | tr '\n' ' ' | sed 's/ $//'
}

# expect_completion LINE WORDS...: every shell offers exactly WORDS (in any order).
expect_completion() {
  local line=$1 shell got
  shift
  local want
  want=$(printf '%s\n' "$@" | sort -u | tr '\n' ' ' | sed 's/ $//')
  for shell in "${shells[@]}"; do
    got=$(complete_in "$shell" "$line")
    [ "$got" == "$want" ] || fail "$shell: '$line' offers '$got', expected '$want'"
  done
}

# The command paths --help lists ("" is the top level), depth first.
help_subcommands() {  # help_subcommands WORDS...
  "$SHOPKEEP" "$@" --help | sed -n '/^Subcommands:/,/^$/p' | awk '/^  [a-z]/ {print $1}'
}
command_paths() {
  local path=$1 sub
  echo "$path"
  for sub in $(help_subcommands $path); do command_paths "${path:+$path }$sub"; done
}
# The long options --help lists for a command path (the root's include the global options).
help_long_options() {
  "$SHOPKEEP" $1 --help | grep -oE '^  (-[a-zA-Z],)?--[a-z][a-z-]*' | sed 's/.*--/--/' | sort -u
}
global_long_options=$("$SHOPKEEP" --help | sed -n '/^Global options:/,/^$/p' | grep -oE '^  (-[a-zA-Z],)?--[a-z][a-z-]*' |
  sed 's/.*--/--/')

TEST "every command --help lists is offered, at every level"
for path in $(command_paths "" | tr ' ' '+'); do
  path=${path//+/ }
  subs=$(help_subcommands $path)
  [ -n "$subs" ] || continue
  expect_completion "shopkeep ${path:+$path }" $subs
done
expect_completion "shopkeep cus" customer customers

TEST "every option --help lists is offered, with the global ones, for every command"
for path in $(command_paths "" | tr ' ' '+'); do
  path=${path//+/ }
  want=$(printf '%s\n' $(help_long_options "$path") $global_long_options | sort -u)
  [ -n "$path" ] || want=$(printf '%s\n' $want --version | sort -u)
  for shell in "${shells[@]}"; do
    [ "$shell" = zsh ] && [[ $path != "" && $path != sync && $path != "recommend rules" ]] && continue  # zsh is slow to start
    got=$(complete_in "$shell" "shopkeep ${path:+$path }--")
    [ "$got" == "$(echo $want)" ] || fail "$shell: 'shopkeep $path --' offers '$got', expected '$(echo $want)'"
  done
done

TEST "values of the enumerated options"
expect_completion "shopkeep --format " table json ndjson csv
expect_completion "shopkeep status --format=nd" ndjson
expect_completion "shopkeep kpi --by " day week month
expect_completion "shopkeep recommend --method " fbt similar personal refill
expect_completion "shopkeep audit --fail-on " info warn error
expect_completion "shopkeep carts --campaign " cart-recovery
expect_completion "shopkeep carts report --campaign " cart-recovery
expect_completion "shopkeep completion " bash zsh fish

TEST "audit --only: categories and the check ids audit --help lists, comma-separated"
checks=$("$SHOPKEEP" audit --help | sed -n '/^Checks:/,/^[A-Z]/p' | awk '/^  [a-z]/ {print $1}')
[ "$(echo "$checks" | wc -l)" -ge 20 ] || fail "audit --help lists too few checks: $checks"
expect_completion "shopkeep audit --only " data catalog customers orders support compliance $checks
expect_completion "shopkeep audit --only support." $(echo "$checks" | grep '^support\.')
expect_completion "shopkeep audit --only catalog,compliance.r" $(echo "$checks" | grep '^compliance\.r' | sed 's/^/catalog,/')

TEST "sync: sources and --resources, a comma-separated list"
expect_completion "shopkeep sync " shopify zendesk
expect_completion "shopkeep sync --resources " shop customers products orders checkouts users organizations groups tickets satisfaction_ratings
expect_completion "shopkeep sync --resources shop,cu" shop,customers
expect_completion "shopkeep sync zendesk --resources users,t" users,tickets

TEST "option values are skipped when finding the command"
expect_completion "shopkeep --db store.db customers v" value
expect_completion "shopkeep --format json recommend r" rules
expect_completion "shopkeep -q --db=store.db customer " show export forget

TEST "files where a command takes files"
mkdir -p exports && touch exports/orders.jsonl exports/other.json notes.txt
expect_completion "shopkeep import shopify exports/or" exports/orders.jsonl
expect_completion "shopkeep --db no" notes.txt
expect_completion "shopkeep sql no"  # a query, not a file: nothing offered

TEST "completion: a bad shell is a usage error"
sk completion tcsh
expect_rc 2
expect_err_contains "unknown shell 'tcsh'"
sk completion
expect_rc 2
