#compdef @TOOL@
# zsh completion for @TOOL@
# plughost completion v1, printed by "@TOOL@ completion zsh".
#
# At each TAB it runs "@TOOL@ __complete WORDS..." with the words up to the
# cursor and offers what the tool prints.
#
# Load it in the current shell, once compinit has run:
#   source <(@TOOL@ completion zsh)
# Load it in every shell: write it as _@TOOL@ in a directory of $fpath
# that comes before compinit runs in ~/.zshrc:
#   @TOOL@ completion zsh > "${fpath[1]}/_@TOOL@"

# _@FUNC@ adds the candidates for the command line being completed.
_@FUNC@() {
	local prog=${(Q)words[1]}
	if [[ $prog == '~/'* ]]; then
		prog=$HOME/${prog#'~/'}
	fi
	local -a args
	args=("${(@Q)words[2,CURRENT-1]}")

	# The words go to the tool as arguments: nothing typed is evaluated.
	# It prints one candidate a line, "value" or "value<TAB>description",
	# and last ":DIRECTIVE", whose bits are 1 error, 2 no space, 4 no
	# files, 8 the candidates are file extensions, 16 directories only and
	# 32 keep the order.
	local out
	out=$("$prog" __complete "${args[@]}" "$PREFIX" 2>/dev/null)
	local -a lines
	lines=("${(@f)out}")
	local last=${lines[-1]}
	if [[ $last != :<-> ]]; then
		return 1
	fi
	local -i directive=${last#:}
	lines=("${(@)lines[1,-2]}")
	if (( directive & 1 )); then
		return 1
	fi

	local -a values descs
	local line
	for line in "${lines[@]}"; do
		if [[ -z ${line%%$'\t'*} ]]; then
			continue
		fi
		values+=("${line%%$'\t'*}")
		if [[ $line == *$'\t'* ]]; then
			descs+=("${line#*$'\t'}")
		else
			descs+=("")
		fi
	done

	if (( directive & 8 )); then
		# File names with one of the extensions given, and directories.
		local -a exts
		local e
		for e in "${values[@]}"; do
			if [[ $e =~ '^[A-Za-z0-9_.+-]+$' ]]; then
				exts+=("${e#.}")
			fi
		done
		if (( ${#exts} )); then
			_files -g "*.(${(j:|:)exts})"
		else
			_files
		fi
		return
	fi
	if (( directive & 16 )); then
		# Directories, in the one given if there is one.
		if [[ -n ${values[1]} ]]; then
			_files -W "${values[1]:a}" -/
		else
			_files -/
		fi
		return
	fi
	if (( ${#values} == 0 )); then
		if (( directive & 4 )); then
			return 1
		fi
		_files
		return
	fi

	local -a opts
	if (( directive & 2 )); then
		opts+=(-S '')
	fi
	if (( directive & 32 )); then
		opts+=(-V @FUNC@)
	fi
	if (( ${#${(@)descs:#}} )); then
		# Show "value  -- description", values padded to one width.
		local -a shown
		local -i i width=0
		for (( i = 1; i <= ${#values}; i++ )); do
			if (( ${#values[i]} > width )); then
				width=${#values[i]}
			fi
		done
		for (( i = 1; i <= ${#values}; i++ )); do
			if [[ -n ${descs[i]} ]]; then
				shown+=("${(r:width:)values[i]}  -- ${descs[i]}")
			else
				shown+=("${values[i]}")
			fi
		done
		compadd "${opts[@]}" -l -d shown -a values
	else
		compadd "${opts[@]}" -a values
	fi
}

if [[ ${funcstack[1]} == "_@TOOL@" ]]; then
	# Autoloaded from $fpath by compinit: complete now.
	_@FUNC@ "$@"
elif (( ${+functions[compdef]} )); then
	compdef _@FUNC@ @TOOL@
else
	print -u2 "@TOOL@: run compinit (autoload -U compinit; compinit) before loading its completion"
fi
