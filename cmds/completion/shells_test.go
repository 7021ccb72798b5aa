package completion_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cmds/completion"
)

// The scripts in real shells, against a fake tool: a /bin/sh script that
// records the words it is given and prints a canned __complete reply, so
// that each directive can be checked in each shell. examples/mycli tests
// the scripts against a real tool. A shell that is not installed skips its
// test, unless CI is "true": there, .ci/run installs them.

// needShell returns the path of a shell, or skips the test without it.
func needShell(t *testing.T, name string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the fake tool is a shell script")
	}
	path, err := exec.LookPath(name)
	if err != nil {
		missing(t, name+" is not installed")
	}
	return path
}

// missing skips the test, or fails it on CI.
func missing(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s, and CI is true: .ci/run installs it", why)
	}
	t.Skip(why)
}

// bashCompletion returns the path of bash-completion's main script, or
// skips the test without it.
func bashCompletion(t *testing.T) string {
	t.Helper()
	var candidates []string
	if out, err := exec.Command("pkg-config", "--variable=completionsdir", "bash-completion").Output(); err == nil {
		if dir := strings.TrimSpace(string(out)); dir != "" {
			candidates = append(candidates, filepath.Join(filepath.Dir(dir), "bash_completion"))
		}
	}
	candidates = append(candidates,
		"/usr/share/bash-completion/bash_completion",
		"/usr/local/share/bash-completion/bash_completion",
		"/opt/homebrew/share/bash-completion/bash_completion",
	)
	for _, c := range candidates {
		if _, err := os.Stat(c); err == nil {
			return c
		}
	}
	missing(t, "bash-completion is not installed")
	return ""
}

// bashHarness completes a line in bash as a TAB would: its arguments are
// bash-completion's script (or ""), the completion script, the line,
// COMP_CWORD and the COMP_WORDS. compopt, which only works in a real
// completion, records its options instead. It prints "compopt OPTIONS"
// and "reply WORD" lines.
const bashHarness = `
bc=$1 script=$2 line=$3 cword=$4
shift 4
if [[ -n $bc ]]; then source "$bc"; fi
source "$script"
compopt() { local IFS=' '; printf 'compopt %s\n' "$*"; }
COMP_WORDS=("$@") COMP_CWORD=$cword COMP_LINE=$line COMP_POINT=${#line} COMP_TYPE=9 COMP_KEY=9
spec=$(complete -p "${COMP_WORDS[0]##*/}") || exit 1
[[ $spec == *" -o default "* ]] || { echo "registered without -o default: $spec"; exit 1; }
fn=${spec##*-F }; fn=${fn%% *}
COMPREPLY=()
"$fn" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
for r in "${COMPREPLY[@]}"; do printf 'reply %s\n' "$r"; done
`

// bashWords splits a line into COMP_WORDS as bash does with its default
// COMP_WORDBREAKS for the lines these tests type: at white space, and
// around runs of "=" and ":". It returns them and COMP_CWORD.
func bashWords(line string) ([]string, int) {
	var words []string
	for _, field := range strings.Fields(line) {
		start := 0
		for i := 1; i <= len(field); i++ {
			if i == len(field) || isBreak(field[i]) != isBreak(field[i-1]) {
				words = append(words, field[start:i])
				start = i
			}
		}
	}
	if strings.HasSuffix(line, " ") {
		words = append(words, "")
	}
	return words, len(words) - 1
}

func isBreak(c byte) bool { return c == '=' || c == ':' }

// zshDriver drives an interactive zsh through zpty: it loads compinit,
// the completion script and a compadd that appends what it adds to $OUT
// ("match WORD" lines, and "flag no-space" or "flag keep-order" for the
// options the scripts pass), types $LINE and a TAB, and exits after the
// completion. The pattern is Valodim's zsh-capture-completion.
const zshDriver = `
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "autoload -U compinit; compinit -u -D; source ${(q)SCRIPT}; source ${(q)CAPTURE}"
zpty -w z 'bindkey "^I" complete-word; comppostfuncs=(exit)'
zpty -w z "$LINE"$'\t'
while zpty -r z line; do :; done 2>/dev/null
`

const zshCapture = `
compadd() {
	if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
		builtin compadd "$@"
		return
	fi
	local -a r
	builtin compadd -A r "$@"
	local -i s=${@[(i)-S]}
	if (( s < $# )) && [[ -z ${@[s+1]} ]]; then
		print -r -- "flag no-space" >> $OUT
	fi
	if (( ${@[(I)-V]} )); then
		print -r -- "flag keep-order" >> $OUT
	fi
	if (( ${#r} )); then
		print -rl -- "${(@)r/#/match }" >> $OUT
	fi
	builtin compadd "$@"
}
`

// shellRun runs a shell command with a deadline, in dir, with env.
func shellRun(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %q: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// fakeTool is a directory holding the fake tool "faketool", a work
// directory with a few files, and the environment to run a shell in.
type fakeTool struct {
	dir, work, reply, args string
	env                    []string
}

func newFakeTool(t *testing.T) *fakeTool {
	t.Helper()
	dir := t.TempDir()
	f := &fakeTool{dir: dir, work: filepath.Join(dir, "work"), reply: filepath.Join(dir, "reply"), args: filepath.Join(dir, "args")}
	bin := filepath.Join(dir, "bin")
	tool := "#!/bin/sh\nprintf '%s\\n' \"$@\" > " + strconv.Quote(f.args) + "\ncat " + strconv.Quote(f.reply) + "\n"
	for _, d := range []string{bin, filepath.Join(f.work, "sub", "inner"), filepath.Join(f.work, "other")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{
		filepath.Join(bin, "faketool"):         tool,
		filepath.Join(f.work, "a.yaml"):        "",
		filepath.Join(f.work, "b.json"):        "",
		filepath.Join(f.work, "c.txt"):         "",
		filepath.Join(f.work, "sub", "x.yaml"): "",
	}
	for name, text := range files {
		if err := os.WriteFile(name, []byte(text), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, sh := range shells {
		script, err := completion.Script(sh.name, "faketool")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "faketool."+sh.ext), []byte(script), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f.env = []string{"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH"), "HOME=" + dir, "TERM=dumb", "LANG=C.UTF-8"}
	return f
}

// words returns the words the fake tool was last run with, one a line.
func (f *fakeTool) words(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(f.args)
	if err != nil {
		return nil // not run
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

// shellCase is one TAB: the line typed, the reply the tool gives, and
// what each shell offers.
type shellCase struct {
	name    string
	line    string
	reply   string
	ordered bool     // compare in order
	words   []string // what the tool is given, if checked
	bash    []string // "compopt ..." then "reply ..." lines
	zsh     []string // "flag ..." then "match ..." lines
	fish    []string // fish's complete -C lines
}

var shellCases = []shellCase{
	{
		name:  "candidates filtered by the word",
		line:  "faketool x",
		reply: "xa\tdesc\nxb\nya\n:0\n",
		words: []string{"__complete", "x"},
		bash:  []string{"reply xa", "reply xb"},
		zsh:   []string{"match xa", "match xb"},
		fish:  []string{"xa\tdesc", "xb"},
	},
	{
		name:  "no space",
		line:  "faketool x",
		reply: "xa\n:2\n",
		bash:  []string{"compopt -o nospace", "reply xa"},
		zsh:   []string{"flag no-space", "match xa"},
		fish:  []string{"xa", "xa."},
	},
	{
		name:  "no file completion",
		line:  "faketool ",
		reply: ":4\n",
		words: []string{"__complete", ""},
		bash:  []string{"compopt +o default"},
	},
	{
		name:  "file completion",
		line:  "faketool ",
		reply: ":0\n",
		bash:  nil, // -o default: readline offers the files
		zsh:   []string{"match a.yaml", "match b.json", "match c.txt", "match other", "match sub"},
		fish:  []string{"a.yaml", "b.json", "c.txt", "other/", "sub/"},
	},
	{
		name:    "keep the order",
		line:    "faketool x",
		reply:   "xb\nxa\n:36\n",
		ordered: true,
		bash:    []string{"compopt -o nosort", "reply xb", "reply xa"},
		zsh:     []string{"flag keep-order", "match xb", "match xa"},
		fish:    []string{"xb", "xa"},
	},
	{
		name:    "sorted by fish unless kept",
		line:    "faketool x",
		reply:   "xb\nxa\n:4\n",
		ordered: true,
		bash:    []string{"reply xb", "reply xa"}, // bash sorts them when it lists them
		zsh:     []string{"match xb", "match xa"}, // and so does zsh, in a sorted group
		fish:    []string{"xa", "xb"},
	},
	{
		name:  "an error",
		line:  "faketool x",
		reply: "xa\n:1\n",
		bash:  []string{"compopt +o default"},
	},
	{
		name:  "no directive",
		line:  "faketool x",
		reply: "xa\nxb\n",
	},
	{
		name:  "file extensions",
		line:  "faketool ",
		reply: "yaml\njson\n:8\n",
		bash:  []string{"compopt -o filenames", "reply a.yaml", "reply b.json", "reply other", "reply sub"},
		zsh:   []string{"match a.yaml", "match b.json", "match other", "match sub"},
		fish:  []string{"a.yaml", "b.json", "other/", "sub/"},
	},
	{
		name:  "directories",
		line:  "faketool ",
		reply: ":16\n",
		bash:  []string{"compopt +o default", "compopt -o filenames", "reply other", "reply sub"},
		zsh:   []string{"match other", "match sub"},
		fish:  []string{"other/", "sub/"},
	},
	{
		name:  "directories in a directory",
		line:  "faketool ",
		reply: "sub\n:16\n",
		bash:  []string{"compopt +o default", "compopt -o filenames", "reply inner"},
		zsh:   []string{"match inner"},
		fish:  []string{"inner/"},
	},
	{
		name:  "candidates are quoted, never run",
		line:  "faketool ",
		reply: "a b\n$(touch pwned)\n`touch pwned`\n:4\n",
		bash:  []string{`reply \$\(touch\ pwned\)`, "reply \\`touch\\ pwned\\`", `reply a\ b`},
		zsh:   []string{`match \$\(touch\ pwned\)`, "match \\`touch\\ pwned\\`", `match a\ b`},
		fish:  []string{"$(touch pwned)", "`touch pwned`", "a b"},
	},
	{
		name:  "words are passed, never run",
		line:  "faketool $(touch${IFS}pwned) `touch${IFS}pwned` $HOME x",
		reply: ":4\n",
		words: []string{"__complete", "$(touch${IFS}pwned)", "`touch${IFS}pwned`", "$HOME", "x"},
		bash:  []string{"compopt +o default"},
	},
	{
		name:  "--flag=value and a:b are one word",
		line:  "faketool --flag=x --a=b:c",
		reply: "--a=b:cd\n--a=b:ce\n:4\n",
		words: []string{"__complete", "--flag=x", "--a=b:c"},
		bash:  []string{"reply cd", "reply ce"},
		zsh:   []string{"match --a=b:cd", "match --a=b:ce"},
		fish:  []string{"--a=b:cd", "--a=b:ce"},
	},
	{
		name:  "after --flag=",
		line:  "faketool --flag=",
		reply: "--flag=one\n--flag=two\n:4\n",
		words: []string{"__complete", "--flag="},
		bash:  []string{"reply one", "reply two"},
		zsh:   []string{"match --flag=one", "match --flag=two"},
		fish:  []string{"--flag=one", "--flag=two"},
	},
}

// check compares what a shell offered with want, sorted unless ordered.
func check(t *testing.T, f *fakeTool, c shellCase, want, got []string) {
	t.Helper()
	if !c.ordered {
		want, got = slices.Clone(want), slices.Clone(got)
		slices.Sort(want)
		slices.Sort(got)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%q offered (-want +got):\n%s", c.line, diff)
	}
	if c.words != nil {
		if diff := cmp.Diff(c.words, f.words(t)); diff != "" {
			t.Errorf("%q ran the tool with (-want +got):\n%s", c.line, diff)
		}
	}
	if _, err := os.Stat(filepath.Join(f.work, "pwned")); err == nil {
		t.Errorf("%q ran a command it was given", c.line)
	}
}

// lines splits output into lines, none for none.
func lines(out string) []string {
	out = strings.TrimSuffix(out, "\n")
	if out == "" {
		return nil
	}
	return strings.Split(out, "\n")
}

func TestShells_bash(t *testing.T) {
	t.Parallel()
	bash := needShell(t, "bash")
	bc := bashCompletion(t)
	for _, c := range shellCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeTool(t)
			if err := os.WriteFile(f.reply, []byte(c.reply), 0o644); err != nil {
				t.Fatal(err)
			}
			words, cword := bashWords(c.line)
			args := append([]string{"--norc", "--noprofile", "-c", bashHarness, "harness", bc, filepath.Join(f.dir, "faketool.bash"), c.line, strconv.Itoa(cword)}, words...)
			out := shellRun(t, f.work, f.env, bash, args...)
			check(t, f, c, c.bash, lines(out))
		})
	}
}

// Without bash-completion, the script splits the line at white space
// itself, so that "--flag=value" is still one word.
func TestShells_bashAlone(t *testing.T) {
	t.Parallel()
	bash := needShell(t, "bash")
	tests := []shellCase{
		{
			name:  "candidates",
			line:  "faketool sub x",
			reply: "xa\tdesc\nxb\nya\n:4\n",
			words: []string{"__complete", "sub", "x"},
			bash:  []string{"reply xa", "reply xb"},
		},
		{
			name:  "--flag=value and a:b are one word",
			line:  "faketool --flag=x --a=b:c",
			reply: "--a=b:cd\n:4\n",
			words: []string{"__complete", "--flag=x", "--a=b:c"},
			bash:  []string{"reply cd"},
		},
		{
			name:  "after a space",
			line:  "faketool sub ",
			reply: ":4\n",
			words: []string{"__complete", "sub", ""},
			bash:  []string{"compopt +o default"},
		},
		{
			name:  "directories",
			line:  "faketool ",
			reply: ":16\n",
			bash:  []string{"compopt +o default", "compopt -o dirnames"},
		},
	}
	for _, c := range tests {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeTool(t)
			if err := os.WriteFile(f.reply, []byte(c.reply), 0o644); err != nil {
				t.Fatal(err)
			}
			words, cword := bashWords(c.line)
			args := append([]string{"--norc", "--noprofile", "-c", bashHarness, "harness", "", filepath.Join(f.dir, "faketool.bash"), c.line, strconv.Itoa(cword)}, words...)
			out := shellRun(t, f.work, f.env, bash, args...)
			check(t, f, c, c.bash, lines(out))
		})
	}
}

func TestShells_zsh(t *testing.T) {
	t.Parallel()
	zsh := needShell(t, "zsh")
	for _, c := range shellCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeTool(t)
			if err := os.WriteFile(f.reply, []byte(c.reply), 0o644); err != nil {
				t.Fatal(err)
			}
			got := zshComplete(t, zsh, f.dir, f.work, f.env, filepath.Join(f.dir, "faketool.zsh"), c.line)
			check(t, f, c, c.zsh, got)
		})
	}
}

// zshComplete types line and a TAB in zsh with script loaded, and returns
// the "flag" lines, then the "match" lines, each once, in order.
func zshComplete(t *testing.T, zsh, tmp, dir string, env []string, script, line string) []string {
	t.Helper()
	driver, capture, out := filepath.Join(tmp, "driver.zsh"), filepath.Join(tmp, "capture.zsh"), filepath.Join(tmp, "zsh.out")
	for name, text := range map[string]string{driver: zshDriver, capture: zshCapture, out: ""} {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env = append(slices.Clone(env), "SCRIPT="+script, "CAPTURE="+capture, "OUT="+out, "LINE="+line)
	shellRun(t, dir, env, zsh, "-f", driver)
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	// _files adds through more than one compadd: keep each line once.
	var flags, matches []string
	for _, l := range lines(string(b)) {
		switch {
		case strings.HasPrefix(l, "flag ") && !slices.Contains(flags, l):
			flags = append(flags, l)
		case strings.HasPrefix(l, "match ") && !slices.Contains(matches, strings.TrimSuffix(l, "/")):
			matches = append(matches, strings.TrimSuffix(l, "/"))
		}
	}
	return append(flags, matches...)
}

func TestShells_fish(t *testing.T) {
	t.Parallel()
	fish := needShell(t, "fish")
	for _, c := range shellCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeTool(t)
			if err := os.WriteFile(f.reply, []byte(c.reply), 0o644); err != nil {
				t.Fatal(err)
			}
			out := shellRun(t, f.work, f.env, fish, "-N", "-c", "source $argv[1]; complete -C $argv[2]", filepath.Join(f.dir, "faketool.fish"), c.line)
			check(t, f, c, c.fish, lines(out))
		})
	}
}

// fish asks the tool once per TAB, and again at the next, even on the same
// line.
func TestShells_fishAsksOncePerTab(t *testing.T) {
	t.Parallel()
	fish := needShell(t, "fish")
	f := newFakeTool(t)
	if err := os.WriteFile(f.reply, []byte("xa\n:4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	count := filepath.Join(f.dir, "count")
	env := append(slices.Clone(f.env), "COUNT="+count)
	script := `source $argv[1]
function faketool; echo x >> $COUNT; command faketool $argv; end
complete -C "faketool x"; complete -C "faketool x"; complete -C "faketool y"`
	out := shellRun(t, f.work, env, fish, "-N", "-c", script, filepath.Join(f.dir, "faketool.fish"))
	if diff := cmp.Diff([]string{"xa", "xa"}, lines(out)); diff != "" {
		t.Errorf("offered (-want +got):\n%s", diff)
	}
	b, _ := os.ReadFile(count)
	if got := strings.Count(string(b), "x"); got != 3 {
		t.Errorf("fish ran the tool %d times for 3 TABs", got)
	}
}
