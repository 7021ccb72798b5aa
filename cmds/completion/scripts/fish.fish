# fish completion for @TOOL@
# plughost completion v1, printed by "@TOOL@ completion fish".
#
# At each TAB it runs "@TOOL@ __complete WORDS..." with the words up to the
# cursor and offers what the tool prints.
#
# Load it in the current shell:
#   @TOOL@ completion fish | source
# Load it in every shell:
#   @TOOL@ completion fish > ~/.config/fish/completions/@TOOL@.fish

# __@FUNC@_bit tests bit $argv[2] (1, 2, 4...) of the number $argv[1].
function __@FUNC@_bit
    test (math "floor($argv[1] / $argv[2]) % 2") -eq 1
end

# __@FUNC@_ask runs the tool once per command line being completed, keeps
# its candidates in $__@FUNC@_results, and succeeds when fish should offer
# them (and no file names), fails when fish should offer file names.
function __@FUNC@_ask
    set -l line (commandline -cp)
    if set -q __@FUNC@_asked; and test "$__@FUNC@_asked" = "$line"
        return $__@FUNC@_status
    end
    set -g __@FUNC@_asked $line
    set -g __@FUNC@_results
    set -g __@FUNC@_ordered 0
    set -g __@FUNC@_status 0

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
    if __@FUNC@_bit $directive 1
        return 0
    end

    set -l candidates
    for line in $out
        if string match -qr -- '^[^\t]' $line
            set -a candidates $line
        end
    end

    if __@FUNC@_bit $directive 8
        # File names with one of the extensions given, and directories.
        set -l exts
        for ext in $candidates
            set ext (string split -m 1 \t -- $ext)[1]
            if string match -qr -- '^[A-Za-z0-9_.+-]+$' $ext
                set -a exts (string escape --style=regex -- (string replace -r '^\.' '' -- $ext))
            end
        end
        if not set -q exts[1]
            set -g __@FUNC@_status 1
            return 1
        end
        set -l pattern '^[^\t]*(?:/|\.(?:'(string join '|' -- $exts)'))(?:\t.*)?$'
        set -g __@FUNC@_results (__fish_complete_path "$current" | string match -r -- $pattern)
        return 0
    end
    if __@FUNC@_bit $directive 16
        # Directories, in the one given if there is one.
        if test -n "$candidates[1]"
            if pushd $candidates[1] 2>/dev/null
                set -g __@FUNC@_results (__fish_complete_directories "$current" '')
                popd
            end
        else
            set -g __@FUNC@_results (__fish_complete_directories "$current" '')
        end
        return 0
    end
    if not set -q candidates[1]
        if __@FUNC@_bit $directive 4
            return 0
        end
        set -g __@FUNC@_status 1
        return 1
    end

    if __@FUNC@_bit $directive 32
        set -g __@FUNC@_ordered 1
    end
    if __@FUNC@_bit $directive 2; and test (count $candidates) -eq 1
        # fish adds a space after a lone candidate: a second one that
        # starts with the first makes it insert only what they share.
        set -l value (string split -m 1 \t -- $candidates[1])[1]
        set -a candidates $value.
    end
    set -g __@FUNC@_results $candidates
    return 0
end

# __@FUNC@_ordered succeeds when the tool asked for its order to be kept.
function __@FUNC@_ordered
    test "$__@FUNC@_ordered" = 1
end

# __@FUNC@_forget drops what __@FUNC@_ask kept, so that the next TAB asks
# again. fish tests the conditions of the last completion defined first,
# so it runs after the two below. It never applies.
function __@FUNC@_forget
    set -e __@FUNC@_asked
    return 1
end

complete -c @TOOL@ -e
complete -c @TOOL@ -n __@FUNC@_forget
complete -c @TOOL@ -n '__@FUNC@_ask; and not __@FUNC@_ordered' -f -a '$__@FUNC@_results'
complete -c @TOOL@ -n '__@FUNC@_ask; and __@FUNC@_ordered' -f -k -a '$__@FUNC@_results'
