# bash completion for ami-find.
# Generated from src/cli/options.ts by scripts/completion (`npm run completions`): do not edit.
# Works with or without the bash-completion package. Install: source it from ~/.bashrc, or copy it to
# ~/.local/share/bash-completion/completions/ami-find

# Set the caller's arity (none, required, optional), kind, vset and comma for flag "$2" of command "$1".
__ami_find_flag() {
  arity=none kind=none vset= comma=0
  if [[ $2 == -[!-]?* ]]; then
    # A cluster of short switches (-io), or a short flag with its value attached (-ojson).
    local j w=$2
    for ((j = 1; j < ${#w}; j++)); do
      __ami_find_flag "$1" "-${w:j:1}"
      if [[ $arity != none ]]; then
        ((j + 1 < ${#w})) && arity=none
        return 0
      fi
    done
    return 0
  fi
  case $1 in
    '')
      case $2 in
        --owner) arity=required kind=owner vset=owner comma=1 ;;
        --image-id) arity=required kind=free comma=1 ;;
        --executable-user) arity=required kind=executable-user vset=executable-user comma=1 ;;
        --filter) arity=required kind=filter comma=0 ;;
        --ssm-parameter) arity=required kind=free comma=0 ;;
        --name) arity=required kind=free comma=0 ;;
        --arch) arity=required kind=choices vset=main--arch comma=0 ;;
        --tag) arity=required kind=tag comma=0 ;;
        --page-size) arity=required kind=free comma=0 ;;
        --max-items) arity=required kind=free comma=0 ;;
        --starting-token) arity=required kind=free comma=0 ;;
        --latest) arity=optional kind=free comma=0 ;;
        --sort) arity=required kind=choices vset=main--sort comma=0 ;;
        --name-regex) arity=required kind=free comma=0 ;;
        --created-after) arity=required kind=free comma=0 ;;
        --created-before) arity=required kind=free comma=0 ;;
        -o | --output) arity=required kind=choices vset=main--output comma=0 ;;
        --columns) arity=required kind=columns vset=columns comma=1 ;;
        --region) arity=required kind=region vset=region comma=1 ;;
        --profile) arity=required kind=profile comma=1 ;;
        --concurrency) arity=required kind=free comma=0 ;;
        --endpoint-url) arity=required kind=free comma=0 ;;
        --max-attempts) arity=required kind=free comma=0 ;;
        --retry-mode) arity=required kind=choices vset=main--retry-mode comma=0 ;;
        --connect-timeout) arity=required kind=free comma=0 ;;
        --read-timeout) arity=required kind=free comma=0 ;;
        --parser) arity=required kind=choices vset=main--parser comma=0 ;;
      esac
      ;;
    show)
      case $2 in
        -o | --output) arity=required kind=choices vset=show--output comma=0 ;;
        --region) arity=required kind=region vset=region comma=1 ;;
        --profile) arity=required kind=profile comma=1 ;;
        --concurrency) arity=required kind=free comma=0 ;;
        --endpoint-url) arity=required kind=free comma=0 ;;
        --max-attempts) arity=required kind=free comma=0 ;;
        --retry-mode) arity=required kind=choices vset=show--retry-mode comma=0 ;;
        --connect-timeout) arity=required kind=free comma=0 ;;
        --read-timeout) arity=required kind=free comma=0 ;;
        --parser) arity=required kind=choices vset=show--parser comma=0 ;;
      esac
      ;;
    ssm)
      case $2 in
        -o | --output) arity=required kind=choices vset=ssm--output comma=0 ;;
        --region) arity=required kind=region vset=region comma=1 ;;
        --profile) arity=required kind=profile comma=1 ;;
        --endpoint-url) arity=required kind=free comma=0 ;;
        --max-attempts) arity=required kind=free comma=0 ;;
        --retry-mode) arity=required kind=choices vset=ssm--retry-mode comma=0 ;;
        --connect-timeout) arity=required kind=free comma=0 ;;
        --read-timeout) arity=required kind=free comma=0 ;;
        --parser) arity=required kind=choices vset=ssm--parser comma=0 ;;
      esac
      ;;
    presets)
      case $2 in

      esac
      ;;
    completion)
      case $2 in

      esac
      ;;
  esac
}

# Set the caller's "vals" to the static value set "$1".
__ami_find_vals() {
  case $1 in
    owner) vals=(self amazon aws-marketplace aws-backup-vault 099720109477 513442679011 837727238323 137112412989 801119661308 136693071363 309956199498 013907871322 792107900819 764336703387 125523088429 782442783595 427812963091) ;;
    executable-user) vals=(self all) ;;
    main--arch) vals=(i386 x86_64 arm64 x86_64_mac arm64_mac) ;;
    main--sort) vals=(creation-date name deprecation-time last-launched image-id owner architecture) ;;
    main--output) vals=(table wide json ndjson ids csv tsv region-map terraform packer cloudformation cloudformation-json) ;;
    columns) vals=(id name owner alias arch created deprecated state virtualization root-device platform public ena boot-mode image-type last-launched ssm-parameter description region profile) ;;
    region) vals=(af-south-1 ap-east-1 ap-east-2 ap-northeast-1 ap-northeast-2 ap-northeast-3 ap-south-1 ap-south-2 ap-southeast-1 ap-southeast-2 ap-southeast-3 ap-southeast-4 ap-southeast-5 ap-southeast-6 ap-southeast-7 ca-central-1 ca-west-1 cn-north-1 cn-northwest-1 eu-central-1 eu-central-2 eu-north-1 eu-south-1 eu-south-2 eu-west-1 eu-west-2 eu-west-3 il-central-1 me-central-1 me-south-1 mx-central-1 sa-east-1 us-east-1 us-east-2 us-gov-east-1 us-gov-west-1 us-west-1 us-west-2) ;;
    main--retry-mode) vals=(standard adaptive legacy) ;;
    main--parser) vals=(fast sdk) ;;
    show--output) vals=(details json) ;;
    show--retry-mode) vals=(standard adaptive legacy) ;;
    show--parser) vals=(fast sdk) ;;
    ssm--output) vals=(table tsv csv json ids) ;;
    ssm--retry-mode) vals=(standard adaptive legacy) ;;
    ssm--parser) vals=(fast sdk) ;;
  esac
}

# Set the caller's "vals" to the flags of command "$1".
__ami_find_flags() {
  case $1 in
    '') vals=(--owner --image-id --executable-user --filter --include-deprecated --include-disabled --dry-run --ssm --ssm-parameter --name --arch --tag --page-size --max-items --starting-token --latest --allow-unsafe --sort --desc --name-regex --created-after --created-before -o --output --pin --columns --no-header --no-color -i --interactive --region --all-regions --profile --concurrency --endpoint-url --max-attempts --retry-mode --connect-timeout --read-timeout --parser --explain --debug -h --help -V --version) ;;
    show) vals=(-o --output --include-disabled --no-color --region --all-regions --profile --concurrency --endpoint-url --max-attempts --retry-mode --connect-timeout --read-timeout --parser --debug -h --help) ;;
    ssm) vals=(-o --output --no-header --no-color --region --profile --endpoint-url --max-attempts --retry-mode --connect-timeout --read-timeout --parser --debug -h --help) ;;
    presets) vals=(-h --help) ;;
    completion) vals=(-h --help) ;;
  esac
}

__ami_find_is_subcommand() {
  case $1 in
    show | ssm | presets | completion) return 0 ;;
  esac
  return 1
}

# Set the caller's "vals" to what positional argument number "$2" (from 0) of command "$1" may be.
__ami_find_positional() {
  case $1 in
    '') (($2 == 0)) && vals=(show ssm presets completion ubuntu:26.04 ubuntu:24.04 ubuntu:22.04 ubuntu:20.04 al2023 al2023-minimal al2 debian:13 debian:12 rhel:9 sles:15-sp7 rocky:9 alma:9 fedora:43 centos-stream:9 windows:2025 windows:2022 freebsd:14 nixos:25.05) ;;
    ssm) (($2 == 0)) && vals=(/aws/service/ami-amazon-linux-latest /aws/service/ami-windows-latest /aws/service/canonical/ubuntu/server /aws/service/canonical/ubuntu/server-minimal /aws/service/debian/release /aws/service/redhat/rhel /aws/service/suse/sles /aws/service/freebsd /aws/service/ecs/optimized-ami /aws/service/eks/optimized-ami /aws/service/bottlerocket) ;;
    completion) (($2 == 0)) && vals=(bash zsh fish) ;;
  esac
}

__ami_find_filter_names() {
  vals=('architecture=' 'block-device-mapping.delete-on-termination=' 'block-device-mapping.device-name=' 'block-device-mapping.snapshot-id=' 'block-device-mapping.volume-size=' 'block-device-mapping.volume-type=' 'block-device-mapping.encrypted=' 'boot-mode=' 'creation-date=' 'description=' 'ena-support=' 'free-tier-eligible=' 'hypervisor=' 'image-allowed=' 'image-id=' 'image-type=' 'image-watermark.source-image-creation-time=' 'image-watermark.source-image-id=' 'image-watermark.source-image-region=' 'image-watermark.watermark-creation-time=' 'image-watermark.watermark-key=' 'instance-type-specification.supported-instance-type=' 'instance-type-specification.unsupported-instance-type=' 'is-public=' 'kernel-id=' 'manifest-location=' 'name=' 'owner-alias=' 'owner-id=' 'platform=' 'product-code=' 'product-code.type=' 'public-ssm-parameter-name=' 'ramdisk-id=' 'root-device-name=' 'root-device-type=' 'scan-result.critical-fix-available-since=' 'scan-result.finding-scan-date=' 'scan-result.high-fix-available-since=' 'scan-result.highest-finding-severity-label=' 'scan-result.informational-fix-available-since=' 'scan-result.low-fix-available-since=' 'scan-result.medium-fix-available-since=' 'source-image-id=' 'source-image-region=' 'source-instance-id=' 'sriov-net-support=' 'state=' 'state-reason-code=' 'state-reason-message=' 'tag-key=' 'virtualization-type=' tag:)
}

# Set the caller's "vals" to the enumerated values of filter "$1" (none for free-text filters).
__ami_find_filter_values() {
  case $1 in
    architecture) vals=(i386 x86_64 arm64 x86_64_mac arm64_mac) ;;
    block-device-mapping.delete-on-termination) vals=(true false) ;;
    block-device-mapping.volume-type) vals=(standard io1 io2 gp2 sc1 st1 gp3) ;;
    block-device-mapping.encrypted) vals=(true false) ;;
    boot-mode) vals=(legacy-bios uefi uefi-preferred) ;;
    ena-support) vals=(true false) ;;
    free-tier-eligible) vals=(true false) ;;
    hypervisor) vals=(ovm xen) ;;
    image-allowed) vals=(true false) ;;
    image-type) vals=(machine kernel ramdisk) ;;
    is-public) vals=(true false) ;;
    owner-alias) vals=(amazon aws-backup-vault aws-marketplace) ;;
    platform) vals=(windows) ;;
    product-code.type) vals=(devpay marketplace) ;;
    root-device-type) vals=(ebs instance-store) ;;
    scan-result.highest-finding-severity-label) vals=(informational low medium high critical) ;;
    sriov-net-support) vals=(simple) ;;
    state) vals=(available pending failed) ;;
    virtualization-type) vals=(hvm paravirtual) ;;
  esac
}

# Split $1 (the line before the cursor) into words with quotes removed, without eval.
# Sets the caller's "words" array, "brk": how much of the current word readline keeps (up to its
# last unquoted COMP_WORDBREAKS character, '=' and ':' by default), and "openq": the quote still open.
__ami_find_split() {
  local line=$1 c next q= w= inword=0 i n=${#1} breaks=${COMP_WORDBREAKS-}
  words=() brk=0
  for ((i = 0; i < n; i++)); do
    c=${line:i:1}
    if [[ $q == "'" ]]; then
      if [[ $c == "'" ]]; then q=; else w+=$c; fi
    elif [[ $q == '"' ]]; then
      if [[ $c == '"' ]]; then
        q=
      elif [[ $c == '\' ]] && ((i + 1 < n)); then
        next=${line:i+1:1}
        case $next in
          '$' | '`' | '"' | '\') w+=$next; ((i++)) ;;
          *) w+=$c ;;
        esac
      else
        w+=$c
      fi
    elif [[ $c == '\' ]]; then
      ((i++)); w+=${line:i:1}; inword=1
    elif [[ $c == ' ' || $c == $'\t' || $c == $'\n' ]]; then
      if ((inword)); then words+=("$w"); w= inword=0 brk=0; fi
    elif [[ $c == "'" || $c == '"' ]]; then
      q=$c inword=1 brk=${#w}
    else
      w+=$c inword=1
      if [[ $breaks == *"$c"* ]]; then brk=${#w}; fi
    fi
  done
  words+=("$w")
  openq=$q
}

# Append the profile names in the AWS config and credentials files to the caller's "vals".
# Names are data: compared with quoted [[ ]] patterns only, never evaluated (no assoc-array keys, no eval).
__ami_find_profiles() {
  local f file name line iscfg pre seen=
  local cfg=${AWS_CONFIG_FILE:-$HOME/.aws/config}
  local creds=${AWS_SHARED_CREDENTIALS_FILE:-$HOME/.aws/credentials}
  for f in "cfg:$cfg" "creds:$creds"; do
    file=${f#*:} iscfg=0
    [[ $f == cfg:* ]] && iscfg=1
    [[ $file == '~/'* ]] && file=$HOME/${file:2}
    [[ -f $file && -r $file ]] || continue
    # Names already found (the config file's), to skip the same name in the credentials file.
    ((iscfg)) || printf -v seen '%s\n' "" "${vals[@]}"
    while IFS= read -r line || [[ -n $line ]]; do
      # A "[section]" line; glob tests rather than =~, which compiles its regex on every line.
      [[ $line == *'['*']'* ]] || continue
      pre=${line%%'['*} name=${line#*'['}
      line=${name##*']'} name=${name%']'*}
      [[ -z ${pre//[[:space:]]/} && -z ${line//[[:space:]]/} ]] || continue
      name=${name#"${name%%[![:space:]]*}"}
      name=${name%"${name##*[![:space:]]}"}
      if ((iscfg)); then
        # Config sections are "[profile NAME]" or "[default]"; "[sso-session x]" and "[services x]" are not profiles.
        case $name in
          profile[[:space:]]*) name=${name#profile}; name=${name#"${name%%[![:space:]]*}"} ;;
          sso-session[[:space:]]* | services[[:space:]]*) continue ;;
        esac
      fi
      case $name in
        \"*\" | \'*\') name=${name:1:${#name}-2} ;;
      esac
      [[ -n $name ]] || continue
      # A literal (quoted) pattern against the newline-separated names seen.
      [[ -n $seen && $seen == *$'\n'"$name"$'\n'* ]] && continue
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
        name=${tail%%=*}
        __ami_find_filter_values "$name"
        head+="$name=" tail=${tail#*=}
      else
        __ami_find_filter_names
        nospace=1
      fi
      ;;
    profile) __ami_find_profiles; filenames=1 ;;
    *) [[ -n $vset ]] && __ami_find_vals "$vset" ;;
  esac
  if [[ $comma == 1 && $tail == *,* ]]; then
    head+=${tail%,*}, tail=${tail##*,}
  fi
  for v in "${vals[@]}"; do
    [[ $v == "$tail"* ]] && cands+=("$head$v")
  done
}

# The ami-find completion function: complete -F _ami_find ami-find
_ami_find() {
  local words brk openq line=${COMP_LINE-} point=${COMP_POINT-}
  [[ -n $point ]] || point=${#line}
  __ami_find_split "${line:0:point}"
  local cword=$((${#words[@]} - 1))
  local cur=${words[cword]} cmd= seen=0 dashdash=0 i w valflag= arity kind vset comma
  local nospace=0 filenames=0 c
  local -a cands=() vals=()
  COMPREPLY=()
  for ((i = 1; i < cword; i++)); do
    w=${words[i]}
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
    __ami_find_flag "$cmd" "${cur%%=*}"
    [[ $arity != none ]] && __ami_find_value "$cmd" "${cur%%=*}" "${cur#*=}" "${cur%%=*}="
  elif ((!dashdash)) && [[ $cur == -* ]]; then
    __ami_find_flags "$cmd"
    for v in "${vals[@]}"; do
      [[ $v == "$cur"* ]] && cands+=("$v")
    done
  else
    __ami_find_positional "$cmd" "$seen"
    for v in "${vals[@]}"; do
      [[ $v == "$cur"* ]] && cands+=("$v")
    done
  fi
  for c in "${cands[@]}"; do
    c=${c:brk}
    # Profile names are typed back quoted: a profile named $(x) is inserted as \$\(x\), not run.
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

complete -F _ami_find ami-find
