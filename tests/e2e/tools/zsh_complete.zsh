# zsh -f tests/e2e/tools/zsh_complete.zsh SCRIPT LINE: what zsh completion offers at the end of LINE,
# one candidate a line. zsh completes only inside its line editor, so an interactive zsh runs in a
# pseudo-terminal (zsh/zpty) with compinit and SCRIPT (as _shopkeep in $fpath); LINE is typed with a
# Tab, and a wrapper around compadd prints each match it is asked to add, between two markers.
zmodload zsh/zpty || exit 2
script=$1 line=$2
dir=$(mktemp -d) || exit 2
trap 'zpty -d shell 2>/dev/null; rm -rf $dir' EXIT
cp $script $dir/_shopkeep
cat > $dir/setup.zsh <<'SETUP'
PS1='' PROMPT='' RPROMPT=''
unsetopt zle_bracketed_paste 2>/dev/null
autoload -Uz compinit && compinit -u -D
bindkey '^I' complete-word
zstyle ':completion:*' insert-tab false
zstyle ':completion:*' menu no
compadd() {
  # Calls that only compute matches (-O, -A, -D) are completion internals: pass them through.
  if [[ ${(j: :)@} == (|* )-[OAD]( *|) ]]; then
    builtin compadd "$@"
    return
  fi
  # What the word becomes: the ignored prefix, the -P and -p prefixes (a folder for _files), the match.
  local -a found shown hidden
  zparseopts -E P:=shown p:=hidden
  builtin compadd -O found "$@"
  local m
  for m in $found; do print -r -- "MATCH:$IPREFIX${shown[2]}${hidden[2]}$m"; done
  builtin compadd "$@"
}
print-begin() { print -r -- 'COMPLETION-BEGIN' }
print-end() { print -r -- 'COMPLETION-END' }
compprefuncs=(print-begin)
comppostfuncs=(print-end)
print -r -- 'SETUP-DONE'
SETUP
zpty shell zsh -f -i || exit 2
zpty -w shell "fpath=($dir \$fpath); source $dir/setup.zsh"
zpty -r -m shell out '*SETUP-DONE*' || exit 2
zpty -w -n shell "$line"$'\t'
zpty -r -m shell out '*COMPLETION-END*' || exit 2
print -r -- ${(F)${(M)${(f)out//$'\r'/}:#MATCH:*}#MATCH:}
