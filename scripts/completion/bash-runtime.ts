/**
 * The fixed part of the bash script: readline-like word splitting, profile reading and the completion
 * function; no eval, no compgen -W, every expansion quoted so typed text and profile names stay data.
 */
export const BASH_RUNTIME = `
# Split $1 (the line before the cursor) into words with quotes removed, without eval.
# Sets the caller's "words" array, "brk": how much of the current word readline keeps (up to its
# last unquoted COMP_WORDBREAKS character, '=' and ':' by default), and "openq": the quote still open.
__ami_find_split() {
  local line=$1 c next q= w= inword=0 i n=\${#1} breaks=\${COMP_WORDBREAKS-}
  words=() brk=0
  for ((i = 0; i < n; i++)); do
    c=\${line:i:1}
    if [[ $q == "'" ]]; then
      if [[ $c == "'" ]]; then q=; else w+=$c; fi
    elif [[ $q == '"' ]]; then
      if [[ $c == '"' ]]; then
        q=
      elif [[ $c == '\\' ]] && ((i + 1 < n)); then
        next=\${line:i+1:1}
        case $next in
          '$' | '\`' | '"' | '\\') w+=$next; ((i++)) ;;
          *) w+=$c ;;
        esac
      else
        w+=$c
      fi
    elif [[ $c == '\\' ]]; then
      ((i++)); w+=\${line:i:1}; inword=1
    elif [[ $c == ' ' || $c == $'\\t' || $c == $'\\n' ]]; then
      if ((inword)); then words+=("$w"); w= inword=0 brk=0; fi
    elif [[ $c == "'" || $c == '"' ]]; then
      q=$c inword=1 brk=\${#w}
    else
      w+=$c inword=1
      if [[ $breaks == *"$c"* ]]; then brk=\${#w}; fi
    fi
  done
  words+=("$w")
  openq=$q
}

# Append the profile names in the AWS config and credentials files to the caller's "vals".
# Names are data: compared with quoted [[ ]] patterns only, never evaluated (no assoc-array keys, no eval).
__ami_find_profiles() {
  local f file name line iscfg pre seen=
  local cfg=\${AWS_CONFIG_FILE:-$HOME/.aws/config}
  local creds=\${AWS_SHARED_CREDENTIALS_FILE:-$HOME/.aws/credentials}
  for f in "cfg:$cfg" "creds:$creds"; do
    file=\${f#*:} iscfg=0
    [[ $f == cfg:* ]] && iscfg=1
    [[ $file == '~/'* ]] && file=$HOME/\${file:2}
    [[ -f $file && -r $file ]] || continue
    # Names already found (the config file's), to skip the same name in the credentials file.
    ((iscfg)) || printf -v seen '%s\\n' "" "\${vals[@]}"
    while IFS= read -r line || [[ -n $line ]]; do
      # A "[section]" line; glob tests rather than =~, which compiles its regex on every line.
      [[ $line == *'['*']'* ]] || continue
      pre=\${line%%'['*} name=\${line#*'['}
      line=\${name##*']'} name=\${name%']'*}
      [[ -z \${pre//[[:space:]]/} && -z \${line//[[:space:]]/} ]] || continue
      name=\${name#"\${name%%[![:space:]]*}"}
      name=\${name%"\${name##*[![:space:]]}"}
      if ((iscfg)); then
        # Config sections are "[profile NAME]" or "[default]"; "[sso-session x]" and "[services x]" are not profiles.
        case $name in
          profile[[:space:]]*) name=\${name#profile}; name=\${name#"\${name%%[![:space:]]*}"} ;;
          sso-session[[:space:]]* | services[[:space:]]*) continue ;;
        esac
      fi
      case $name in
        \\"*\\" | \\'*\\') name=\${name:1:\${#name}-2} ;;
      esac
      [[ -n $name ]] || continue
      # A literal (quoted) pattern against the newline-separated names seen.
      [[ -n $seen && $seen == *$'\\n'"$name"$'\\n'* ]] && continue
      vals+=("$name")
    done <"$file"
  done
}

# Candidates for the value "$3" of flag "$2" of command "$1", each prefixed with "$4".
__ami_find_value() {
  local arity kind vset head tail v name
  local -a vals=()
  __ami_find_flag "$1" "$2"
  head=$4 tail=$3
  case $kind in
    filter)
      if [[ $tail == *=* ]]; then
        name=\${tail%%=*}
        __ami_find_filter_values "$name"
        head+="$name=" tail=\${tail#*=}
      else
        __ami_find_filter_names
        nospace=1
      fi
      ;;
    profile) __ami_find_profiles; filenames=1 ;;
    *) [[ -n $vset ]] && __ami_find_vals "$vset" ;;
  esac
  if [[ $comma == 1 && $tail == *,* ]]; then
    head+=\${tail%,*}, tail=\${tail##*,}
  fi
  for v in "\${vals[@]}"; do
    [[ $v == "$tail"* ]] && cands+=("$head$v")
  done
}

# The ami-find completion function: complete -F _ami_find ami-find
_ami_find() {
  local words brk openq line=\${COMP_LINE-} point=\${COMP_POINT-}
  [[ -n $point ]] || point=\${#line}
  __ami_find_split "\${line:0:point}"
  local cword=$((\${#words[@]} - 1))
  local cur=\${words[cword]} cmd= seen=0 dashdash=0 i w valflag= arity kind vset comma
  local nospace=0 filenames=0 c
  local -a cands=() vals=()
  COMPREPLY=()
  for ((i = 1; i < cword; i++)); do
    w=\${words[i]}
    if ((dashdash)); then
      ((seen++)); continue
    fi
    case $w in
      --) dashdash=1 ;;
      --*=*) ;;
      -?*)
        __ami_find_flag "$cmd" "$w"
        if [[ $arity == required ]]; then
          if ((i + 1 == cword)); then valflag=$w; break; fi
          ((i++))
        fi
        ;;
      *)
        if [[ -z $cmd && $seen == 0 ]] && __ami_find_is_subcommand "$w"; then
          cmd=$w
        else
          ((seen++))
        fi
        ;;
    esac
  done
  if [[ -n $valflag ]]; then
    __ami_find_value "$cmd" "$valflag" "$cur" ""
  elif ((!dashdash)) && [[ $cur == --*=* ]]; then
    __ami_find_flag "$cmd" "\${cur%%=*}"
    [[ $arity != none ]] && __ami_find_value "$cmd" "\${cur%%=*}" "\${cur#*=}" "\${cur%%=*}="
  elif ((!dashdash)) && [[ $cur == -* ]]; then
    __ami_find_flags "$cmd"
    for v in "\${vals[@]}"; do
      [[ $v == "$cur"* ]] && cands+=("$v")
    done
  else
    __ami_find_positional "$cmd" "$seen"
    for v in "\${vals[@]}"; do
      [[ $v == "$cur"* ]] && cands+=("$v")
    done
  fi
  for c in "\${cands[@]}"; do
    c=\${c:brk}
    # Profile names are typed back quoted: a profile named $(x) is inserted as \\$\\(x\\), not run.
    # Inside an open quote readline quotes them itself ("filenames" below); its own quoting outside
    # quotes leaves $ and backquotes bare, so we use printf %q there instead.
    if ((filenames)) && [[ -z $openq ]]; then printf -v c '%q' "$c"; fi
    COMPREPLY+=("$c")
  done
  # compopt needs bash 4; without it the candidates are still right, only spacing and quoting differ.
  if type compopt &>/dev/null; then
    ((nospace)) && compopt -o nospace
    ((filenames)) && [[ -n $openq ]] && compopt -o filenames
  fi
  return 0
}
`;
