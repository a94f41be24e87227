#!/usr/bin/env zsh
# What zsh's completion system offers for a command line, as a person pressing Tab gets it:
# an interactive zsh in a pseudo-terminal (zpty), compinit with lmc's completion on fpath, the
# line typed, Tab pressed; every match compadd is given is printed, one a line.
#   zsh_complete.zsh FPATH_DIR 'lmc check --format '
zmodload zsh/zpty || exit 2
dir=$1 line=$2
zpty z zsh -f -i
zpty -w z "PS1='' PROMPT='' RPROMPT=''; fpath=(${(q)dir} \$fpath); autoload -Uz compinit; compinit -u -D"
# Each match goes out after a marker; after the completion, an end marker. The markers are
# written as escapes, so the terminal's echo of these lines does not contain them.
zpty -w z $'compadd() { local -a __m; builtin compadd -O __m "$@"; print -rl -- $\'\\x3cm\\x3e\'${^__m}; builtin compadd "$@" }'
zpty -w z $'capture() { zle complete-word; print -r -- $\'\\x3cend\\x3e\'; }; zle -N capture; bindkey "^I" capture'
zpty -w z 'zstyle ":completion:*" list-prompt ""; zstyle ":completion:*" select-prompt ""; LISTMAX=100000'
zpty -w -n z "$line"$'\t'
out=() deadline=$((SECONDS + 20))
while (( SECONDS < deadline )); do
  if zpty -r -t z chunk; then
    [[ $chunk == *'<end>'* ]] && break
    [[ $chunk == *'<m>'* ]] && out+=("${${chunk##*<m>}%%$'\r'*}")
  else
    sleep 0.05
  fi
done
zpty -d z
(( SECONDS < deadline )) || { print -u2 "zsh_complete: no answer from zsh for '$line'"; exit 2; }
print -rl -- "${(@u)out}"
