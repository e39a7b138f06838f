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
    set -l names
    for f in cfg:$cfg creds:$creds
        set -l file (string replace -r -- '^[a-z]+:' '' $f)
        set file (string replace -r -- '^~/' "$HOME/" $file)
        test -f "$file" -a -r "$file"; or continue
        while read -l line
            set -l m (string match -r -- '^\\s*\\[\\s*(.*?)\\s*\\]\\s*$' $line); or continue
            set -l name $m[2]
            if string match -q -- 'cfg:*' $f
                # Config sections are "[profile NAME]" or "[default]"; "[sso-session x]" and "[services x]" are not profiles.
                if set -l p (string match -r -- '^profile\\s+(.*)$' $name)
                    set name $p[2]
                else if string match -qr -- '^(sso-session|services)\\s' $name
                    continue
                end
            end
            if set -l q (string match -r -- '^(["\\'])(.*)\\1$' $name)
                set name $q[3]
            end
            test -n "$name"; and not contains -- $name $names; and set -a names $name
        end <$file
    end
    for name in $names
        printf '%s\\tAWS profile\\n' $name
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
