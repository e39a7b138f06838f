/** The fixed part of the fish script: positional scanning, profile reading (printed as data, never evaluated), the --filter value and comma lists. */
export const FISH_RUNTIME = `
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
            printf '%s\\n' $t
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
                    printf '%s\\n' $t
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
    set -l section '^\\s*\\[\\s*(.*?)\\s*\\]\\s*$'
    set -l names
    if test -f "$cfg" -a -r "$cfg"
        # Config sections are "[profile NAME]" or "[default]"; "[sso-session x]" and "[services x]" are not profiles.
        set -a names (string match -rg -- $section <$cfg | string match -rv -- '^(sso-session|services)\\s' | string replace -r -- '^profile\\s+' '')
    end
    if test -f "$creds" -a -r "$creds"
        set -a names (string match -rg -- $section <$creds)
    end
    # fish drops duplicate candidates itself.
    for name in (string replace -r -- '^(["\\'])(.*)\\1$' '$2' $names)
        test -n "$name"; and printf '%s\\tAWS profile\\n' $name
    end
end

# The value of --filter: NAME= (no space after), tag: (free text after), or NAME=VALUE.
function __ami_find_filter
    set -l tok (string replace -r -- '^--[a-z-]+=' '' (commandline -ct))
    if string match -q -- '*=*' $tok
        set -l name (string split -m1 -- = $tok)[1]
        for v in (__ami_find_filter_values $name)
            printf '%s=%s\\t%s\\n' $name $v "value of $name"
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
        printf '%s%s\\n' "$head" $item
    end
end
`;
