# fish completion for ami-find.
# Generated from src/cli/options.ts by scripts/completion (`npm run completions`): do not edit.
# Install: copy to ~/.config/fish/completions/ami-find.fish

function __ami_find_is_subcommand
    contains -- $argv[1] show ssm presets completion
end

# True when flag $argv[2] of command $argv[1] takes the next word as its value.
function __ami_find_takes_value
    set -l flag $argv[2]
    # A cluster of short switches (-io) takes a value when its last letter does.
    string match -qr -- '^-[^-].+' $flag; and set flag -(string sub -s -1 -- $flag)
    switch $argv[1]
        case ''
            contains -- $flag --owner --image-id --executable-user --filter --ssm-parameter --name --arch --tag --page-size --max-items --starting-token --sort --name-regex --created-after --created-before -o --output --columns --region --profile --concurrency --endpoint-url --max-attempts --retry-mode --connect-timeout --read-timeout --parser
        case show
            contains -- $flag -o --output --region --profile --concurrency --endpoint-url --max-attempts --retry-mode --connect-timeout --read-timeout --parser
        case ssm
            contains -- $flag -o --output --region --profile --endpoint-url --max-attempts --retry-mode --connect-timeout --read-timeout --parser
        case presets
            contains -- $flag 
        case completion
            contains -- $flag 
        case '*'
            return 1
    end
end

function __ami_find_first
    printf '%s\t%s\n' show 'print everything about one or more images' ssm 'browse SSM public parameters under a path: parameter, AMI ID, image name' presets 'list the distro presets and what each expands to' completion 'print the completion script for bash, zsh or fish' ubuntu:26.04 'Ubuntu 26.04 LTS' ubuntu:24.04 'Ubuntu 24.04 LTS' ubuntu:22.04 'Ubuntu 22.04 LTS' ubuntu:20.04 'Ubuntu 20.04 LTS' al2023 'Amazon Linux 2023 (standard, default kernel 6.1)' al2023-minimal 'Amazon Linux 2023 minimal (default kernel 6.1)' al2 'Amazon Linux 2 (kernel 5.10, gp2)' debian:13 'Debian 13' debian:12 'Debian 12' rhel:9 'Red Hat Enterprise Linux 9 (hourly, gp3)' sles:15-sp7 'SUSE Linux Enterprise Server 15 SP7 (on-demand)' rocky:9 'Rocky Linux 9 (Base, not LVM)' alma:9 'AlmaLinux OS 9' fedora:43 'Fedora Cloud 43' centos-stream:9 'CentOS Stream 9' windows:2025 'Windows Server 2025 English Full Base' windows:2022 'Windows Server 2022 English Full Base' freebsd:14 'FreeBSD 14 RELEASE (UFS, ZFS, cloud-init)' nixos:25.05 'NixOS 25.05'
end

function __ami_find_filter_names
    printf '%s=\tfilter\n' architecture block-device-mapping.delete-on-termination block-device-mapping.device-name block-device-mapping.snapshot-id block-device-mapping.volume-size block-device-mapping.volume-type block-device-mapping.encrypted boot-mode creation-date description ena-support free-tier-eligible hypervisor image-allowed image-id image-type image-watermark.source-image-creation-time image-watermark.source-image-id image-watermark.source-image-region image-watermark.watermark-creation-time image-watermark.watermark-key instance-type-specification.supported-instance-type instance-type-specification.unsupported-instance-type is-public kernel-id manifest-location name owner-alias owner-id platform product-code product-code.type public-ssm-parameter-name ramdisk-id root-device-name root-device-type scan-result.critical-fix-available-since scan-result.finding-scan-date scan-result.high-fix-available-since scan-result.highest-finding-severity-label scan-result.informational-fix-available-since scan-result.low-fix-available-since scan-result.medium-fix-available-since source-image-id source-image-region source-instance-id sriov-net-support state state-reason-code state-reason-message tag-key virtualization-type
    printf '%s\t%s\n' tag: 'tag:KEY=VALUE'
end

# The enumerated values of filter $argv[1] (none for free-text filters).
function __ami_find_filter_values
    switch $argv[1]
        case architecture
            printf '%s\n' i386 x86_64 arm64 x86_64_mac arm64_mac
        case block-device-mapping.delete-on-termination
            printf '%s\n' true false
        case block-device-mapping.volume-type
            printf '%s\n' standard io1 io2 gp2 sc1 st1 gp3
        case block-device-mapping.encrypted
            printf '%s\n' true false
        case boot-mode
            printf '%s\n' legacy-bios uefi uefi-preferred
        case ena-support
            printf '%s\n' true false
        case free-tier-eligible
            printf '%s\n' true false
        case hypervisor
            printf '%s\n' ovm xen
        case image-allowed
            printf '%s\n' true false
        case image-type
            printf '%s\n' machine kernel ramdisk
        case is-public
            printf '%s\n' true false
        case owner-alias
            printf '%s\n' amazon aws-backup-vault aws-marketplace
        case platform
            printf '%s\n' windows
        case product-code.type
            printf '%s\n' devpay marketplace
        case root-device-type
            printf '%s\n' ebs instance-store
        case scan-result.highest-finding-severity-label
            printf '%s\n' informational low medium high critical
        case sriov-net-support
            printf '%s\n' simple
        case state
            printf '%s\n' available pending failed
        case virtualization-type
            printf '%s\n' hvm paravirtual
    end
end

function __ami_find_shells
    printf '%s\t%s\n' bash '' zsh '' fish ''
end

function __ami_find_ssm_paths
    printf '%s\t%s\n' /aws/service/ami-amazon-linux-latest 'Amazon Linux 2023 and 2 (Amazon)' /aws/service/ami-windows-latest 'Windows Server (Amazon)' /aws/service/canonical/ubuntu/server 'Ubuntu Server (Canonical)' /aws/service/canonical/ubuntu/server-minimal 'Ubuntu Server minimal (Canonical)' /aws/service/debian/release 'Debian (Debian)' /aws/service/redhat/rhel 'Red Hat Enterprise Linux (Red Hat)' /aws/service/suse/sles 'SUSE Linux Enterprise Server (SUSE)' /aws/service/freebsd 'FreeBSD (FreeBSD)' /aws/service/ecs/optimized-ami 'ECS-optimized AMIs (Amazon)' /aws/service/eks/optimized-ami 'EKS-optimized AMIs (Amazon)' /aws/service/bottlerocket 'Bottlerocket (Amazon)'
end
function __ami_find_v_owner
    __ami_find_list (printf '%s\t%s\n' self 'your own account' amazon 'Amazon and verified publishers' aws-marketplace 'AWS Marketplace' aws-backup-vault 'AWS Backup logically air-gapped vaults' 099720109477 'Canonical (Ubuntu)' 513442679011 'Canonical (Ubuntu, GovCloud)' 837727238323 'Canonical (Ubuntu, China)' 137112412989 'Amazon (Amazon Linux)' 801119661308 'Amazon (Windows Server)' 136693071363 'Debian (Debian)' 309956199498 'Red Hat (RHEL)' 013907871322 'SUSE (SLES)' 792107900819 'Rocky Linux (Rocky Linux)' 764336703387 'AlmaLinux (AlmaLinux)' 125523088429 'Fedora Project (Fedora, CentOS Stream)' 782442783595 'FreeBSD (FreeBSD)' 427812963091 'NixOS (NixOS)')
end
function __ami_find_v_executable_user
    __ami_find_list (printf '%s\t%s\n' self 'images your account may launch' all 'public images')
end
function __ami_find_v_main_arch
    printf '%s\t%s\n' i386 '' x86_64 '' arm64 '' x86_64_mac '' arm64_mac ''
end
function __ami_find_v_main_sort
    printf '%s\t%s\n' creation-date '' name '' deprecation-time '' last-launched '' image-id '' owner '' architecture ''
end
function __ami_find_v_main_output
    printf '%s\t%s\n' table '' wide '' json '' ndjson '' ids '' csv '' tsv '' region-map '' terraform '' packer '' cloudformation '' cloudformation-json ''
end
function __ami_find_v_columns
    __ami_find_list (printf '%s\t%s\n' id 'IMAGE ID' name NAME owner OWNER alias ALIAS arch ARCH created CREATED deprecated DEPRECATED state STATE virtualization VIRT root-device ROOT platform PLATFORM public PUBLIC ena ENA boot-mode BOOT image-type TYPE last-launched 'LAST LAUNCHED' ssm-parameter 'SSM PARAMETER' description DESCRIPTION region REGION profile PROFILE)
end
function __ami_find_v_region
    __ami_find_list (printf '%s\t%s\n' af-south-1 '' ap-east-1 '' ap-east-2 '' ap-northeast-1 '' ap-northeast-2 '' ap-northeast-3 '' ap-south-1 '' ap-south-2 '' ap-southeast-1 '' ap-southeast-2 '' ap-southeast-3 '' ap-southeast-4 '' ap-southeast-5 '' ap-southeast-6 '' ap-southeast-7 '' ca-central-1 '' ca-west-1 '' cn-north-1 '' cn-northwest-1 '' eu-central-1 '' eu-central-2 '' eu-north-1 '' eu-south-1 '' eu-south-2 '' eu-west-1 '' eu-west-2 '' eu-west-3 '' il-central-1 '' me-central-1 '' me-south-1 '' mx-central-1 '' sa-east-1 '' us-east-1 '' us-east-2 '' us-gov-east-1 '' us-gov-west-1 '' us-west-1 '' us-west-2 '')
end
function __ami_find_v_main_retry_mode
    printf '%s\t%s\n' standard '' adaptive '' legacy ''
end
function __ami_find_v_main_parser
    printf '%s\t%s\n' fast '' sdk ''
end
function __ami_find_v_show_output
    printf '%s\t%s\n' details '' json ''
end
function __ami_find_v_show_retry_mode
    printf '%s\t%s\n' standard '' adaptive '' legacy ''
end
function __ami_find_v_show_parser
    printf '%s\t%s\n' fast '' sdk ''
end
function __ami_find_v_ssm_output
    printf '%s\t%s\n' table '' tsv '' csv '' json '' ids ''
end
function __ami_find_v_ssm_retry_mode
    printf '%s\t%s\n' standard '' adaptive '' legacy ''
end
function __ami_find_v_ssm_parser
    printf '%s\t%s\n' fast '' sdk ''
end
# Print the positional words before the cursor (not flags, not flag values).
function __ami_find_positionals
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l cmd ''
    set -l skip 0
    set -l dashdash 0
    for t in $tokens
        if test $skip = 1
            set skip 0
        else if test $dashdash = 1
            printf '%s\n' $t
        else
            switch $t
                case --
                    set dashdash 1
                case '--*=*'
                case '-?*'
                    __ami_find_takes_value "$cmd" $t; and set skip 1
                case '*'
                    if test -z "$cmd"; and __ami_find_is_subcommand $t
                        set cmd $t
                    end
                    printf '%s\n' $t
            end
        end
    end
end

# True when the cursor is in command $argv[1] ('' for the main command, after an optional preset).
function __ami_find_in
    set -l first (__ami_find_positionals)[1]
    if test -z "$argv[1]"
        test -z "$first"; or not __ami_find_is_subcommand $first
    else
        test "$first" = "$argv[1]"
    end
end

# True when the cursor is at positional argument number $argv[2] (from 0) of command $argv[1].
function __ami_find_at
    set -l words (__ami_find_positionals)
    if test -z "$argv[1]"
        test (count $words) -eq $argv[2]
    else
        test "$words[1]" = "$argv[1]"; and test (count $words) -eq (math $argv[2] + 1)
    end
end

# Profile names from the AWS config and credentials files, printed as data: fish escapes what it
# inserts, and nothing here evaluates a name.
function __ami_find_profiles
    set -l cfg ~/.aws/config
    set -q AWS_CONFIG_FILE; and test -n "$AWS_CONFIG_FILE"; and set cfg $AWS_CONFIG_FILE
    set -l creds ~/.aws/credentials
    set -q AWS_SHARED_CREDENTIALS_FILE; and test -n "$AWS_SHARED_CREDENTIALS_FILE"; and set creds $AWS_SHARED_CREDENTIALS_FILE
    set cfg (string replace -r -- '^~/' "$HOME/" $cfg)
    set creds (string replace -r -- '^~/' "$HOME/" $creds)
    set -l section '^\s*\[\s*(.*?)\s*\]\s*$'
    set -l names
    if test -f "$cfg" -a -r "$cfg"
        # Config sections are "[profile NAME]" or "[default]"; "[sso-session x]" and "[services x]" are not profiles.
        set -a names (string match -rg -- $section <$cfg | string match -rv -- '^(sso-session|services)\s' | string replace -r -- '^profile\s+' '')
    end
    if test -f "$creds" -a -r "$creds"
        set -a names (string match -rg -- $section <$creds)
    end
    # fish drops duplicate candidates itself.
    for name in (string replace -r -- '^(["\'])(.*)\1$' '$2' $names)
        test -n "$name"; and printf '%s\tAWS profile\n' $name
    end
end

# The value of --filter: NAME= (no space after), tag: (free text after), or NAME=VALUE.
function __ami_find_filter
    set -l tok (string replace -r -- '^--[a-z-]+=' '' (commandline -ct))
    if string match -q -- '*=*' $tok
        set -l name (string split -m1 -- = $tok)[1]
        for v in (__ami_find_filter_values $name)
            printf '%s=%s\t%s\n' $name $v "value of $name"
        end
    else
        __ami_find_filter_names
    end
end

# A comma-separated value: complete the part after the last comma from the lines of $argv.
function __ami_find_list
    set -l tok (string replace -r -- '^--[a-z-]+=' '' (commandline -ct))
    set -l head (string match -r -- '^.*,' $tok)
    for item in $argv
        printf '%s%s\n' "$head" $item
    end
end

# Never complete file names: no argument of ami-find is a file.
complete -c ami-find -f
complete -c ami-find -n '__ami_find_at \'\' 0' -a '(__ami_find_first)'
complete -c ami-find -n '__ami_find_at ssm 0' -a '(__ami_find_ssm_paths)'
complete -c ami-find -n '__ami_find_at completion 0' -a '(__ami_find_shells)'
complete -c ami-find -n '__ami_find_in \'\'' -l owner -x -a "(__ami_find_v_owner)" -d 'only images owned by these accounts or aliases (self, amazon, aws-marketplace, aws-backup-vault); repeatable, comma-separated'
complete -c ami-find -n '__ami_find_in \'\'' -l image-id -x -d 'only these image IDs; repeatable, comma-separated (no MaxResults is sent with image IDs)'
complete -c ami-find -n '__ami_find_in \'\'' -l executable-user -x -a "(__ami_find_v_executable_user)" -d 'only images these accounts may launch (self, all, or an account ID); repeatable'
complete -c ami-find -n '__ami_find_in \'\'' -l filter -x -a "(__ami_find_filter)" -d 'an EC2 filter; values OR, filters AND; also Name=...,Values=...; \\, for a literal comma; repeatable'
complete -c ami-find -n '__ami_find_in \'\'' -l include-deprecated -d 'include deprecated images (hidden by default, as EC2 does)'
complete -c ami-find -n '__ami_find_in \'\'' -l include-disabled -d 'include disabled images (only their owner sees them)'
complete -c ami-find -n '__ami_find_in \'\'' -l dry-run -d 'ask EC2 whether the request would succeed; exit 0 if so, 6 if not authorized'
complete -c ami-find -n '__ami_find_in \'\'' -l ssm -d 'answer from the publisher\'s SSM public parameter (the preset\'s, or --ssm-parameter): one GetParameter, then the image by ID, in each region listed'
complete -c ami-find -n '__ami_find_in \'\'' -l ssm-parameter -x -d 'answer from this SSM parameter (implies --ssm), e.g. /aws/service/debian/release/13/latest/arm64'
complete -c ami-find -n '__ami_find_in \'\'' -l name -x -d 'image name glob (* and ?), same as --filter name=<glob>; repeatable'
complete -c ami-find -n '__ami_find_in \'\'' -l arch -x -a "(__ami_find_v_main_arch)" -d 'architecture, same as --filter architecture=<arch>'
complete -c ami-find -n '__ami_find_in \'\'' -l tag -x -d 'tag:<key>=<value>, or tag-key=<key> without a value; repeatable'
complete -c ami-find -n '__ami_find_in \'\'' -l page-size -x -d 'images per request, sent as MaxResults'
complete -c ami-find -n '__ami_find_in \'\'' -l max-items -x -d 'stop after n images and print a token to resume from'
complete -c ami-find -n '__ami_find_in \'\'' -l starting-token -x -d 'resume a listing from a token printed by ami-find or the AWS CLI (or a raw EC2 NextToken)'
complete -c ami-find -n '__ami_find_in \'\'' -l latest -d 'only the newest n images (default 1): by creation date, ties by version-aware name, then image ID; only available images unless a --filter names state; needs --owner or --image-id'
complete -c ami-find -n '__ami_find_in \'\'' -l allow-unsafe -d 'allow --latest without an owner (beware AMI name squatting, CVE-2018-15869)'
complete -c ami-find -n '__ami_find_in \'\'' -l sort -x -a "(__ami_find_v_main_sort)" -d 'sort the results (name sorts version-aware); ties by age, as --latest, never by EC2\'s order'
complete -c ami-find -n '__ami_find_in \'\'' -l desc -d 'sort descending (the whole order reversed: --sort creation-date --desc starts with --latest\'s image)'
complete -c ami-find -n '__ami_find_in \'\'' -l name-regex -x -d 'only images whose name matches this JavaScript regular expression, run in linear time (no backreferences, lookaround or counts above {1000})'
complete -c ami-find -n '__ami_find_in \'\'' -l created-after -x -d 'only images created after a date (2025-01-31) or age (90min, 12h, 30d, 2w, 6mo, 1y)'
complete -c ami-find -n '__ami_find_in \'\'' -l created-before -x -d 'only images created before a date or age'
complete -c ami-find -n '__ami_find_in \'\'' -s o -l output -x -a "(__ami_find_v_main_output)" -d 'output format (default: table on a terminal, tsv without a header otherwise); terraform, packer and cloudformation write the query as code'
complete -c ami-find -n '__ami_find_in \'\'' -l pin -d 'with -o terraform or packer: write the image IDs found now instead of the query (cloudformation always does)'
complete -c ami-find -n '__ami_find_in \'\'' -l columns -x -a "(__ami_find_v_columns)" -d 'comma-separated columns for table, wide, csv and tsv'
complete -c ami-find -n '__ami_find_in \'\'' -l no-header -d 'omit the header line'
complete -c ami-find -n '__ami_find_in \'\'' -l no-color -d 'no colour (also NO_COLOR; FORCE_COLOR forces it)'
complete -c ami-find -n '__ami_find_in \'\'' -s i -l interactive -d 'pick an image interactively; prints the chosen ID on stdout (with -o terraform, packer or cloudformation: a pinned snippet)'
complete -c ami-find -n '__ami_find_in \'\'' -l region -x -a "(__ami_find_v_region)" -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, or the profile\'s region); several (repeatable, comma-separated) are listed concurrently, each image tagged with its region'
complete -c ami-find -n '__ami_find_in \'\'' -l all-regions -d 'every region enabled for the account (DescribeRegions); opt-in regions it has not enabled are skipped with a notice'
complete -c ami-find -n '__ami_find_in \'\'' -l profile -x -a "(__ami_find_list (__ami_find_profiles))" -d 'named profile from the AWS config and credentials files; several (repeatable, comma-separated) list each account'
complete -c ami-find -n '__ami_find_in \'\'' -l concurrency -x -d 'regions and profiles listed at once, each with its own client and retries (default 32)'
complete -c ami-find -n '__ami_find_in \'\'' -l endpoint-url -x -d 'EC2 endpoint (default: AWS_ENDPOINT_URL_EC2, AWS_ENDPOINT_URL, or the profile\'s)'
complete -c ami-find -n '__ami_find_in \'\'' -l max-attempts -x -d 'attempts per request, with backoff on throttling, server errors, timeouts and cut-off answers (default 3)'
complete -c ami-find -n '__ami_find_in \'\'' -l retry-mode -x -a "(__ami_find_v_main_retry_mode)" -d 'standard, or adaptive (also slows down once throttled); legacy runs as standard (default: the profile\'s retry_mode, else standard)'
complete -c ami-find -n '__ami_find_in \'\'' -l connect-timeout -x -d 'longest wait for a connection to EC2 to open, e.g. 10s or 500ms (default 10s); then the attempt is retried'
complete -c ami-find -n '__ami_find_in \'\'' -l read-timeout -x -d 'longest silence from EC2, before or within an answer (default 60s); then the attempt is retried'
complete -c ami-find -n '__ami_find_in \'\'' -l parser -x -a "(__ami_find_v_main_parser)" -d 'DescribeImages response parser: ami-find\'s streaming one, or the SDK\'s own'
complete -c ami-find -n '__ami_find_in \'\'' -l explain -d 'print the DescribeImages request(s), the steps ami-find applies after them, and the aws CLI equivalent (--query where JMESPath can); send nothing'
complete -c ami-find -n '__ami_find_in \'\'' -l debug -d 'log requests and timings to stderr (credentials and signatures redacted)'
complete -c ami-find -n '__ami_find_in \'\'' -s h -l help -d 'show help'
complete -c ami-find -n '__ami_find_in \'\'' -s V -l version -d 'print the version'
complete -c ami-find -n '__ami_find_in \'show\'' -s o -l output -x -a "(__ami_find_v_show_output)" -d 'details for people, or json: the raw DescribeImages objects'
complete -c ami-find -n '__ami_find_in \'show\'' -l include-disabled -d 'include disabled images (only their owner sees them)'
complete -c ami-find -n '__ami_find_in \'show\'' -l no-color -d 'no colour (also NO_COLOR; FORCE_COLOR forces it)'
complete -c ami-find -n '__ami_find_in \'show\'' -l region -x -a "(__ami_find_v_region)" -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, or the profile\'s region); several (repeatable, comma-separated) are listed concurrently, each image tagged with its region'
complete -c ami-find -n '__ami_find_in \'show\'' -l all-regions -d 'every region enabled for the account (DescribeRegions); opt-in regions it has not enabled are skipped with a notice'
complete -c ami-find -n '__ami_find_in \'show\'' -l profile -x -a "(__ami_find_list (__ami_find_profiles))" -d 'named profile from the AWS config and credentials files; several (repeatable, comma-separated) list each account'
complete -c ami-find -n '__ami_find_in \'show\'' -l concurrency -x -d 'regions and profiles listed at once, each with its own client and retries (default 32)'
complete -c ami-find -n '__ami_find_in \'show\'' -l endpoint-url -x -d 'EC2 endpoint (default: AWS_ENDPOINT_URL_EC2, AWS_ENDPOINT_URL, or the profile\'s)'
complete -c ami-find -n '__ami_find_in \'show\'' -l max-attempts -x -d 'attempts per request, with backoff on throttling, server errors, timeouts and cut-off answers (default 3)'
complete -c ami-find -n '__ami_find_in \'show\'' -l retry-mode -x -a "(__ami_find_v_show_retry_mode)" -d 'standard, or adaptive (also slows down once throttled); legacy runs as standard (default: the profile\'s retry_mode, else standard)'
complete -c ami-find -n '__ami_find_in \'show\'' -l connect-timeout -x -d 'longest wait for a connection to EC2 to open, e.g. 10s or 500ms (default 10s); then the attempt is retried'
complete -c ami-find -n '__ami_find_in \'show\'' -l read-timeout -x -d 'longest silence from EC2, before or within an answer (default 60s); then the attempt is retried'
complete -c ami-find -n '__ami_find_in \'show\'' -l parser -x -a "(__ami_find_v_show_parser)" -d 'DescribeImages response parser: ami-find\'s streaming one, or the SDK\'s own'
complete -c ami-find -n '__ami_find_in \'show\'' -l debug -d 'log requests and timings to stderr (credentials and signatures redacted)'
complete -c ami-find -n '__ami_find_in \'show\'' -s h -l help -d 'show help'
complete -c ami-find -n '__ami_find_in \'ssm\'' -s o -l output -x -a "(__ami_find_v_ssm_output)" -d 'output format (default: table on a terminal, tsv without a header otherwise); ids: the AMI IDs only'
complete -c ami-find -n '__ami_find_in \'ssm\'' -l no-header -d 'omit the header line'
complete -c ami-find -n '__ami_find_in \'ssm\'' -l no-color -d 'no colour (also NO_COLOR; FORCE_COLOR forces it)'
complete -c ami-find -n '__ami_find_in \'ssm\'' -l region -x -a "(__ami_find_v_region)" -d 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, or the profile\'s region); several (repeatable, comma-separated) are listed concurrently, each image tagged with its region'
complete -c ami-find -n '__ami_find_in \'ssm\'' -l profile -x -a "(__ami_find_list (__ami_find_profiles))" -d 'named profile from the AWS config and credentials files; several (repeatable, comma-separated) list each account'
complete -c ami-find -n '__ami_find_in \'ssm\'' -l endpoint-url -x -d 'EC2 endpoint (default: AWS_ENDPOINT_URL_EC2, AWS_ENDPOINT_URL, or the profile\'s)'
complete -c ami-find -n '__ami_find_in \'ssm\'' -l max-attempts -x -d 'attempts per request, with backoff on throttling, server errors, timeouts and cut-off answers (default 3)'
complete -c ami-find -n '__ami_find_in \'ssm\'' -l retry-mode -x -a "(__ami_find_v_ssm_retry_mode)" -d 'standard, or adaptive (also slows down once throttled); legacy runs as standard (default: the profile\'s retry_mode, else standard)'
complete -c ami-find -n '__ami_find_in \'ssm\'' -l connect-timeout -x -d 'longest wait for a connection to EC2 to open, e.g. 10s or 500ms (default 10s); then the attempt is retried'
complete -c ami-find -n '__ami_find_in \'ssm\'' -l read-timeout -x -d 'longest silence from EC2, before or within an answer (default 60s); then the attempt is retried'
complete -c ami-find -n '__ami_find_in \'ssm\'' -l parser -x -a "(__ami_find_v_ssm_parser)" -d 'DescribeImages response parser: ami-find\'s streaming one, or the SDK\'s own'
complete -c ami-find -n '__ami_find_in \'ssm\'' -l debug -d 'log requests and timings to stderr (credentials and signatures redacted)'
complete -c ami-find -n '__ami_find_in \'ssm\'' -s h -l help -d 'show help'
complete -c ami-find -n '__ami_find_in \'presets\'' -s h -l help -d 'show help'
complete -c ami-find -n '__ami_find_in \'completion\'' -s h -l help -d 'show help'
