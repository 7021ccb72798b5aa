# bash completion for @TOOL@
# plughost completion v1, printed by "@TOOL@ completion bash".
#
# At each TAB it runs "@TOOL@ __complete WORDS..." with the words up to the
# cursor and offers what the tool prints. It works best with the
# bash-completion package, which keeps "--flag=value" one word.
#
# Load it in the current shell:
#   source <(@TOOL@ completion bash)
# Load it in every shell, through bash-completion:
#   @TOOL@ completion bash > "${BASH_COMPLETION_USER_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/bash-completion}/completions/@TOOL@"

# __@FUNC@_compopt sets completion options where bash has compopt (bash 4
# and later), and does nothing elsewhere.
__@FUNC@_compopt() {
	if type compopt >/dev/null 2>&1; then
		compopt "$@" 2>/dev/null
	fi
	return 0
}

# __@FUNC@_complete fills COMPREPLY for the command line being completed.
__@FUNC@_complete() {
	local cur prev words cword
	if declare -F _init_completion >/dev/null 2>&1; then
		# From bash-completion: do not split words at "=" or ":".
		_init_completion -n =: || return
	else
		# Without bash-completion: the words of the line up to the cursor,
		# split at white space only.
		local line=${COMP_LINE:0:COMP_POINT}
		read -r -a words <<<"$line"
		if [[ ${#words[@]} -eq 0 || $line == *[[:space:]] ]]; then
			words+=("")
		fi
		cword=$((${#words[@]} - 1))
		cur=${words[cword]}
	fi

	local prog=${words[0]}
	if [[ $prog == "~/"* ]]; then
		prog=$HOME/${prog#"~/"}
	fi

	# The words go to the tool as arguments: nothing typed is evaluated.
	# It prints one candidate a line, "value" or "value<TAB>description",
	# and last ":DIRECTIVE", whose bits are 1 error, 2 no space, 4 no
	# files, 8 the candidates are file extensions, 16 directories only and
	# 32 keep the order.
	local out last directive
	out=$("$prog" __complete "${words[@]:1:cword}" 2>/dev/null)
	last=${out##*$'\n'}
	if [[ ! $last =~ ^:[0-9]+$ ]]; then
		return 0
	fi
	directive=${last#:}
	if [[ $out == *$'\n'* ]]; then
		out=${out%$'\n'*}
	else
		out=
	fi

	if ((directive & 1)); then
		__@FUNC@_compopt +o default
		return 0
	fi
	if ((directive & 2)); then
		__@FUNC@_compopt -o nospace
	fi
	if ((directive & 32)); then
		__@FUNC@_compopt -o nosort
	fi

	local -a candidates=()
	local c
	while IFS= read -r c; do
		c=${c%%$'\t'*}
		if [[ -n $c ]]; then
			candidates+=("$c")
		fi
	done <<<"$out"

	if ((directive & 8)); then
		# File names with one of the extensions given, and directories.
		local exts=
		for c in "${candidates[@]}"; do
			if [[ $c =~ ^[A-Za-z0-9_.+-]+$ ]]; then
				exts+=${exts:+|}${c#.}
			fi
		done
		if declare -F _filedir >/dev/null 2>&1; then
			_filedir "$exts"
		fi
		return 0
	fi
	if ((directive & 16)); then
		# Directories, in the one given if there is one.
		__@FUNC@_compopt +o default
		if [[ -n ${candidates[0]} ]]; then
			__@FUNC@_compopt -o filenames
			while IFS= read -r c; do
				COMPREPLY+=("$c")
			done < <(cd -- "${candidates[0]}" 2>/dev/null && compgen -d -- "$cur")
		elif declare -F _filedir >/dev/null 2>&1; then
			_filedir -d
		else
			__@FUNC@_compopt -o dirnames
		fi
		return 0
	fi
	if ((${#candidates[@]} == 0)); then
		if ((directive & 4)); then
			__@FUNC@_compopt +o default
		fi
		return 0 # -o default offers files
	fi

	# bash replaces only what follows the last "=" or ":" of the word when
	# those break words (COMP_WORDBREAKS), so that part is cut from each
	# candidate.
	local breaks= keep=
	if [[ $COMP_WORDBREAKS == *=* ]]; then
		breaks+="="
	fi
	if [[ $COMP_WORDBREAKS == *:* ]]; then
		breaks+=":"
	fi
	if [[ -n $breaks && $cur == *["$breaks"]* ]]; then
		keep=${cur%"${cur##*["$breaks"]}"}
	fi
	for c in "${candidates[@]}"; do
		if [[ $c != "$cur"* ]]; then
			continue
		fi
		c=${c#"$keep"}
		if [[ $cur != [\"\']* ]]; then
			printf -v c %q "$c"
		fi
		COMPREPLY+=("$c")
	done
	if ((${#COMPREPLY[@]} == 0 && (directive & 4))); then
		__@FUNC@_compopt +o default
	fi
	return 0
}

complete -o default -F __@FUNC@_complete @TOOL@
