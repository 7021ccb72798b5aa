# fish completion for mycli
# plughost completion v1, printed by "mycli completion fish".
#
# At each TAB it runs "mycli __complete WORDS..." with the words up to the
# cursor and offers what the tool prints.
#
# Load it in the current shell:
#   mycli completion fish | source
# Load it in every shell:
#   mycli completion fish > ~/.config/fish/completions/mycli.fish

# __mycli_bit tests bit $argv[2] (1, 2, 4...) of the number $argv[1].
function __mycli_bit
    test (math "floor($argv[1] / $argv[2]) % 2") -eq 1
end

# __mycli_ask runs the tool once per command line being completed, keeps
# its candidates in $__mycli_results, and succeeds when fish should offer
# them (and no file names), fails when fish should offer file names.
function __mycli_ask
    set -l line (commandline -cp)
    if set -q __mycli_asked; and test "$__mycli_asked" = "$line"
        return $__mycli_status
    end
    set -g __mycli_asked $line
    set -g __mycli_results
    set -g __mycli_ordered 0
    set -g __mycli_status 0

    set -l words (commandline -opc)
    set -l current (commandline -ct)
    set -l prog (string replace -r '^~/' "$HOME/" -- $words[1])
    set -e words[1]
    # The words go to the tool as arguments: nothing typed is evaluated.
    # It prints one candidate a line, "value" or "value<TAB>description",
    # and last ":DIRECTIVE", whose bits are 1 error, 2 no space, 4 no
    # files, 8 the candidates are file extensions, 16 directories only and
    # 32 keep the order.
    set -l out ($prog __complete $words "$current" 2>/dev/null)
    if not string match -qr -- '^:[0-9]+$' "$out[-1]"
        return 0
    end
    set -l directive (string sub -s 2 -- $out[-1])
    set -e out[-1]
    if __mycli_bit $directive 1
        return 0
    end

    set -l candidates
    for line in $out
        if string match -qr -- '^[^\t]' $line
            set -a candidates $line
        end
    end

    if __mycli_bit $directive 8
        # File names with one of the extensions given, and directories.
        set -l exts
        for ext in $candidates
            set ext (string split -m 1 \t -- $ext)[1]
            if string match -qr -- '^[A-Za-z0-9_.+-]+$' $ext
                set -a exts (string escape --style=regex -- (string replace -r '^\.' '' -- $ext))
            end
        end
        if not set -q exts[1]
            set -g __mycli_status 1
            return 1
        end
        set -l pattern '^[^\t]*(?:/|\.(?:'(string join '|' -- $exts)'))(?:\t.*)?$'
        set -g __mycli_results (__fish_complete_path "$current" | string match -r -- $pattern)
        return 0
    end
    if __mycli_bit $directive 16
        # Directories, in the one given if there is one.
        if test -n "$candidates[1]"
            if pushd $candidates[1] 2>/dev/null
                set -g __mycli_results (__fish_complete_directories "$current" '')
                popd
            end
        else
            set -g __mycli_results (__fish_complete_directories "$current" '')
        end
        return 0
    end
    if not set -q candidates[1]
        if __mycli_bit $directive 4
            return 0
        end
        set -g __mycli_status 1
        return 1
    end

    if __mycli_bit $directive 32
        set -g __mycli_ordered 1
    end
    if __mycli_bit $directive 2; and test (count $candidates) -eq 1
        # fish adds a space after a lone candidate: a second one that
        # starts with the first makes it insert only what they share.
        set -l value (string split -m 1 \t -- $candidates[1])[1]
        set -a candidates $value.
    end
    set -g __mycli_results $candidates
    return 0
end

# __mycli_ordered succeeds when the tool asked for its order to be kept.
function __mycli_ordered
    test "$__mycli_ordered" = 1
end

# __mycli_forget drops what __mycli_ask kept, so that the next TAB asks
# again. fish tests the conditions of the last completion defined first,
# so it runs after the two below. It never applies.
function __mycli_forget
    set -e __mycli_asked
    return 1
end

complete -c mycli -e
complete -c mycli -n __mycli_forget
complete -c mycli -n '__mycli_ask; and not __mycli_ordered' -f -a '$__mycli_results'
complete -c mycli -n '__mycli_ask; and __mycli_ordered' -f -k -a '$__mycli_results'
