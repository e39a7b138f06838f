/**
 * The fixed part of the zsh script, with @PLACEHOLDERS@ that zsh.ts fills: profile reading (compadd
 * quotes names, nothing evaluates them), the --filter value, comma lists and the dispatcher.
 */
export const ZSH_RUNTIME = `
# No function here runs "emulate -L zsh": the completion system calls them with its own options
# ($_comp_options: extendedglob and more), and _arguments/_describe, which they call, need those.
# Under "emulate -L zsh" _describe's grouping of flags that share a description (the default
# list-grouped style) matched nothing, so no flag name was offered.
# Add the profile names in the AWS config and credentials files. compadd quotes what it inserts,
# and nothing here evaluates a name: a profile called $(x) is offered and typed as \\$\\(x\\).
_ami_find_profiles() {
  local f file name line iscfg expl
  local -a names
  for f in "cfg:\${AWS_CONFIG_FILE:-$HOME/.aws/config}" "creds:\${AWS_SHARED_CREDENTIALS_FILE:-$HOME/.aws/credentials}"; do
    file=\${f#*:}
    [[ $f == cfg:* ]] && iscfg=1 || iscfg=0
    [[ $file == '~/'* ]] && file=$HOME/\${file#??}
    [[ -f $file && -r $file ]] || continue
    while IFS= read -r line || [[ -n $line ]]; do
      [[ $line =~ '^[[:space:]]*\\[(.*)\\][[:space:]]*$' ]] || continue
      name=$match[1]
      [[ $name =~ '^[[:space:]]*(.*[^[:space:]])[[:space:]]*$' ]] && name=$match[1] || continue
      if (( iscfg )); then
        # Config sections are "[profile NAME]" or "[default]"; "[sso-session x]" and "[services x]" are not profiles.
        if [[ $name =~ '^profile[[:space:]]+(.*)$' ]]; then
          name=$match[1]
        elif [[ $name =~ '^(sso-session|services)[[:space:]]' ]]; then
          continue
        fi
      fi
      [[ $name =~ '^"(.*)"$' || $name =~ "^'(.*)'\\$" ]] && name=$match[1]
      [[ -n $name ]] && names+=("$name")
    done <"$file"
  done
  # --profile a,b: complete the name after the last comma.
  compset -P '*,'
  _wanted profiles expl 'AWS profile' compadd -- "\${(@u)names}"
}

# The value of --filter: NAME= (no space after), tag: (free text after), or NAME=VALUE.
_ami_find_filter() {
  local name expl
  local -a vals names=(@FILTER_NAMES@)
  # _arguments leaves "--filter=" in PREFIX when nothing follows the "=".
  setopt localoptions extendedglob
  compset -P '--[a-z-]##='
  if [[ $PREFIX == *=* ]]; then
    name=\${PREFIX%%=*}
    compset -P "\${(b)name}="
    case $name in
@FILTER_VALUE_CASES@
    esac
    (( $#vals )) || { _message -e values "value of $name"; return 1 }
    _wanted values expl "$name" compadd -a vals
  else
    _wanted filters expl 'DescribeImages filter' compadd -S = -a names
    _wanted filters expl 'tag filter' compadd -S '' -- @TAG_PREFIX@
  fi
}

# A comma-separated value: complete the part after the last comma; $1 is the tag, then _describe items.
_ami_find_list() {
  local tag=$1
  local -a items=("\${@[2,-1]}")
  compset -P '*,'
  _describe -t "$tag" "$tag" items -qS,
}

_ami_find() {
  local curcontext=$curcontext state state_descr line ret=1
  typeset -A opt_args
@COMMAND_SPECS@
  _arguments -s -S -C -A '-*' "\${specs_main[@]}" \\
    '1: :_ami_find_first' \\
    '*:: :->rest' && ret=0
  if [[ $state == rest ]]; then
    case $words[1] in
@SUBCOMMAND_CASES@
      # After a preset: the main command's flags only.
      *) _arguments -s -S "\${specs_main[@]}" && ret=0 ;;
    esac
  fi
  return ret
}
`;
