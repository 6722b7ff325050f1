# bash tests/e2e/tools/bash_complete.bash SCRIPT LINE: what bash completion offers at the end of
# LINE, one candidate a line. Set WITH_BASH_COMPLETION=1 to load the bash-completion package first,
# as an interactive Debian shell does. COMP_WORDS is split as readline splits these lines: at
# blanks, and around '=' (it is in COMP_WORDBREAKS).
if [ -n "${WITH_BASH_COMPLETION:-}" ]; then
  source /usr/share/bash-completion/bash_completion || exit 2
fi
source "$1" || exit 2
line=$2
read -ra COMP_WORDS <<< "${line//=/ = }"
[[ -z $line || $line == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_LINE=$line
COMP_POINT=${#line}
_shopkeep shopkeep "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
printf '%s\n' "${COMPREPLY[@]}"
