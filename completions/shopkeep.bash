# bash completion for shopkeep. Install: source this file, or copy it to
# /usr/share/bash-completion/completions/shopkeep
_shopkeep() {
  local cur prev words cword
  _init_completion 2>/dev/null || { cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}; }
  local globals="--db --config --format --json --now -q --quiet -v --verbose --no-progress --help --version"
  case "$prev" in
    --db|--config) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --format) COMPREPLY=($(compgen -W "table json ndjson csv" -- "$cur")); return ;;
    --by) COMPREPLY=($(compgen -W "day week month" -- "$cur")); return ;;
    --fail-on) COMPREPLY=($(compgen -W "info warn error" -- "$cur")); return ;;
  esac
  # The command path typed so far (words that are not options).
  local path=() w
  for w in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do [[ $w != -* ]] && path+=("$w"); done
  local subs
  case "${path[*]}" in
    "") subs=$(shopkeep --help 2>/dev/null | sed -n '/^Subcommands:/,$p' | awk '/^  [a-z]/ {print $1}') ;;
    *) subs=$(shopkeep "${path[@]}" --help 2>/dev/null | sed -n '/^Subcommands:/,$p' | awk '/^  [a-z]/ {print $1}') ;;
  esac
  if [[ $cur != -* && ${path[*]} == sync* ]]; then
    COMPREPLY=($(compgen -W "shopify zendesk" -- "$cur")); return
  fi
  if [[ $cur == -* ]]; then
    local flags
    flags=$(shopkeep "${path[@]}" --help 2>/dev/null | grep -oE '^ +(-[a-zA-Z],)?--[a-z-]+' | sed 's/.*,//; s/ //g')
    COMPREPLY=($(compgen -W "$flags $globals" -- "$cur"))
  elif [ -n "$subs" ]; then
    COMPREPLY=($(compgen -W "$subs" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -F _shopkeep shopkeep
