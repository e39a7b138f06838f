# Drives a real interactive zsh (through zsh/zpty) to complete command lines, printing every
# candidate completion offered. Usage: zsh -f zsh-capture.zsh SCRIPT LINE...
# SCRIPT is a directory holding _ami-find (compinit loads it from $fpath as a user would), or the
# script file itself (sourced after compinit, the other documented install).
# For each LINE prints "__CASE__", one "HIT__<word>\x1f<suffix>\x1f<description>" per candidate,
# then "BUFFER__<line after the completion was inserted>__END__".
emulate -L zsh
zmodload zsh/zpty || { print -u2 'zsh-capture: the zsh/zpty module is missing'; exit 3 }
zmodload zsh/datetime zsh/zselect
local dir=$1; shift

# Read pty output until a line contains $1; print the lines with $2 (a prefix) as they come.
await() {
  local line deadline=$(( EPOCHREALTIME + 10 ))
  while (( EPOCHREALTIME < deadline )); do
    if zpty -rt z line; then
      line=${line//$'\r'/}
      # Markers may follow the echoed input on the same line: print from the marker on.
      [[ $line == *$2* ]] && print -r -- "${2#__}${line#*$2}"
      [[ $line == *__BUFFER__* && $1 == __END__ ]] && print -r -- "BUFFER__${line#*__BUFFER__}"
      [[ $line == *$1* ]] && return 0
    else
      zselect -t 1  # 10 ms, without starting a sleep process
    fi
  done
  print -u2 "zsh-capture: timed out waiting for $1"
  exit 4
}

zpty z zsh -f -i
if [[ -d $dir ]]; then
  zpty -w z "fpath=(${(q)dir} \$fpath); autoload -Uz compinit; compinit -u -D"
else
  zpty -w z "autoload -Uz compinit; compinit -u -D; source ${(q)dir}"
fi
zpty -w z 'PS1=""; RPS1=""; unsetopt zle_bracketed_paste 2>/dev/null'
# Default styles otherwise (list-grouped on, as for users): the flag names broke only under those.
zpty -w z "zstyle ':completion:*' insert-tab false"
# The capture hook: every compadd call that adds matches is reported, then performed.
zpty -w z 'compadd() {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi
  local -a __hits __dscr; local __tmp __suf="" __i
  if (( $@[(I)-d] )); then
    __tmp=${@[$[${@[(i)-d]}+1]]}
    [[ $__tmp == \(* ]] || __dscr=( "${(@P)__tmp}" )
  fi
  (( $@[(I)-S] )) && __suf=${@[$[${@[(i)-S]}+1]]}
  builtin compadd -A __hits -D __dscr "$@"
  for (( __i = 1; __i <= $#__hits; __i++ )); do print -r -- "__HIT__${__hits[__i]}"$'\''\x1f'\''"$__suf"$'\''\x1f'\''"${__dscr[__i]}"; done
  builtin compadd "$@"
}'
zpty -w z '__show_buffer() { print -r -- $'\''\n'\''"__BUFFER__${BUFFER}__END__" }; zle -N __show_buffer; bindkey "^T" __show_buffer'
zpty -w z '__reset_line() { print -r -- $'\''\n'\''__CLEARED__; zle send-break }; zle -N __reset_line; bindkey "^Y" __reset_line; bindkey "^I" complete-word'
# The quotes keep the marker out of the pty's echo of this command: only zsh's output matches, so
# every earlier echoed line (the hook's source holds __HIT__) is read before the first case starts.
zpty -w z 'print __REA""DY__'
await __READY__ __NOTHING__
local cmdline
for cmdline in "$@"; do
  print -r -- __CASE__
  zpty -w -n z "$cmdline"$'\t\x14'
  await __END__ __HIT__
  zpty -w -n z $'\x19'
  await __CLEARED__ __NOTHING__
done
zpty -w z 'exit'
zpty -d z
