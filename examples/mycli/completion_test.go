package main

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
)

// mycli's shell completion in real shells: each test builds mycli, loads
// the script "mycli completion SHELL" prints, presses TAB on a few lines
// and compares what the shell offers (descriptions left out). A shell
// that is not installed skips its test, unless CI is "true": there,
// .ci/run installs bash-completion, zsh and fish. PowerShell's script is
// checked by its golden file in cmds/completion.

// completionLines hold what mycli completes with any shell: commands and
// sub-commands, flags, a OneOf flag's values, the completion command's
// shells, and nothing for a hidden command or a mistyped one.
var completionLines = []struct {
	line string
	want []string // in every shell
	bash []string // in bash, when it differs: bash replaces only what follows "="
}{
	{line: "mycli gre", want: []string{"greet", "greeters"}},
	{line: "mycli greeters ", want: []string{"list", "show"}},
	{line: "mycli completion ", want: []string{"bash", "fish", "powershell", "zsh"}},
	{line: "mycli greet --sh", want: []string{"--shout"}},
	{line: "mycli remind --when ", want: []string{"later", "now", "soon"}},
	{line: "mycli remind --when=s", want: []string{"--when=soon"}, bash: []string{"soon"}},
	{line: "mycli __comp"},
	{line: "mycli gret "},
}

// needCompletionShell returns the path of a shell, or skips the test
// without it (fails it on CI).
func needCompletionShell(t *testing.T, name string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the completion scripts are for Unix shells")
	}
	path, err := exec.LookPath(name)
	if err != nil {
		skipUnlessCI(t, name+" is not installed")
	}
	return path
}

func skipUnlessCI(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s, and CI is true: .ci/run installs it", why)
	}
	t.Skip(why)
}

// buildMycli builds mycli into a new directory and writes the script of
// shell there, as "mycli completion SHELL" prints it. It returns the
// directory and the environment to run a shell in, with the directory
// first on PATH.
func buildMycli(t *testing.T, shell string) (dir string, env []string) {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		skipUnlessCI(t, "no go command to build mycli with")
	}
	dir = t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if out, err := exec.CommandContext(ctx, goCmd, "build", "-o", filepath.Join(dir, "mycli"), ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	script, err := exec.CommandContext(ctx, filepath.Join(dir, "mycli"), "completion", shell).Output()
	if err != nil {
		t.Fatalf("mycli completion %s: %v (are completion.Cmd and completion.Complete among newHost's plugins?)", shell, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "mycli."+shell), script, 0o644); err != nil {
		t.Fatal(err)
	}
	env = []string{"PATH=" + dir + string(os.PathListSeparator) + os.Getenv("PATH"), "HOME=" + dir, "TERM=dumb", "LANG=C.UTF-8"}
	return dir, env
}

// runShell runs a shell with a deadline and returns its output.
func runShell(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %q: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// offered returns the lines of out with prefix, the prefix and any
// description cut, sorted.
func offered(out, prefix string) []string {
	var got []string
	for _, l := range strings.Split(out, "\n") {
		if v, ok := strings.CutPrefix(l, prefix); ok {
			v, _, _ = strings.Cut(v, "\t")
			if v = strings.TrimSuffix(v, "/"); v != "" && !slices.Contains(got, v) {
				got = append(got, v)
			}
		}
	}
	slices.Sort(got)
	return got
}

// bashLineHarness completes a line in bash as a TAB would, the research
// recipe with COMP_WORDS split as bash splits them: its arguments are
// bash-completion's script, the completion script, the line, COMP_CWORD
// and the COMP_WORDS. It prints a "reply WORD" line for each candidate.
const bashLineHarness = `
bc=$1 script=$2 line=$3 cword=$4
shift 4
source "$bc"
source "$script"
compopt() { :; }
COMP_WORDS=("$@") COMP_CWORD=$cword COMP_LINE=$line COMP_POINT=${#line} COMP_TYPE=9 COMP_KEY=9
spec=$(complete -p "${COMP_WORDS[0]}") || exit 1
fn=${spec##*-F }; fn=${fn%% *}
COMPREPLY=()
"$fn" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
for r in "${COMPREPLY[@]}"; do printf 'reply %s\n' "$r"; done
`

// compWords splits a line into COMP_WORDS as bash does with its default
// COMP_WORDBREAKS for these lines: at spaces, and around runs of "=" and
// ":". It returns them and COMP_CWORD.
func compWords(line string) ([]string, int) {
	brk := func(c byte) bool { return c == '=' || c == ':' }
	var words []string
	for _, field := range strings.Fields(line) {
		start := 0
		for i := 1; i <= len(field); i++ {
			if i == len(field) || brk(field[i]) != brk(field[i-1]) {
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

func findBashCompletion(t *testing.T) string {
	t.Helper()
	var candidates []string
	if out, err := exec.Command("pkg-config", "--variable=completionsdir", "bash-completion").Output(); err == nil {
		if dir := strings.TrimSpace(string(out)); dir != "" {
			candidates = append(candidates, filepath.Join(filepath.Dir(dir), "bash_completion"))
		}
	}
	candidates = append(candidates, "/usr/share/bash-completion/bash_completion", "/usr/local/share/bash-completion/bash_completion")
	for _, c := range candidates {
		if _, err := os.Stat(c); err == nil {
			return c
		}
	}
	skipUnlessCI(t, "bash-completion is not installed")
	return ""
}

func TestCompletionBash(t *testing.T) {
	t.Parallel()
	bash := needCompletionShell(t, "bash")
	bc := findBashCompletion(t)
	dir, env := buildMycli(t, "bash")
	for _, tt := range completionLines {
		t.Run(tt.line, func(t *testing.T) {
			t.Parallel()
			words, cword := compWords(tt.line)
			args := append([]string{"--norc", "--noprofile", "-c", bashLineHarness, "harness", bc, filepath.Join(dir, "mycli.bash"), tt.line, strconv.Itoa(cword)}, words...)
			want := tt.want
			if tt.bash != nil {
				want = tt.bash
			}
			if diff := cmp.Diff(want, offered(runShell(t, dir, env, bash, args...), "reply ")); diff != "" {
				t.Errorf("%q offered (-want +got):\n%s", tt.line, diff)
			}
		})
	}
}

// zshLineDriver drives an interactive zsh through zpty, the research
// recipe (Valodim's zsh-capture-completion): a compadd that appends each
// candidate to $OUT, the line $LINE typed with a TAB, and an exit once
// the completion is done.
const zshLineDriver = `
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "autoload -U compinit; compinit -u -D; source ${(q)SCRIPT}"
zpty -w z "compadd() { if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then builtin compadd \"\$@\"; return; fi; local -a r; builtin compadd -A r \"\$@\"; print -rl -- \"\${(@)r/#/match }\" >> \$OUT; builtin compadd \"\$@\"; }"
zpty -w z 'bindkey "^I" complete-word; comppostfuncs=(exit)'
zpty -w z "$LINE"$'\t'
while zpty -r z line; do :; done 2>/dev/null
`

func TestCompletionZsh(t *testing.T) {
	t.Parallel()
	zsh := needCompletionShell(t, "zsh")
	dir, env := buildMycli(t, "zsh")
	driver := filepath.Join(dir, "driver.zsh")
	if err := os.WriteFile(driver, []byte(zshLineDriver), 0o644); err != nil {
		t.Fatal(err)
	}
	for i, tt := range completionLines {
		t.Run(tt.line, func(t *testing.T) {
			t.Parallel()
			out := filepath.Join(dir, "zsh"+strconv.Itoa(i)+".out")
			if err := os.WriteFile(out, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			env := append(slices.Clone(env), "SCRIPT="+filepath.Join(dir, "mycli.zsh"), "OUT="+out, "LINE="+tt.line)
			runShell(t, dir, env, zsh, "-f", driver)
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, offered(string(b), "match ")); diff != "" {
				t.Errorf("%q offered (-want +got):\n%s", tt.line, diff)
			}
		})
	}
}

func TestCompletionFish(t *testing.T) {
	t.Parallel()
	fish := needCompletionShell(t, "fish")
	dir, env := buildMycli(t, "fish")
	for _, tt := range completionLines {
		t.Run(tt.line, func(t *testing.T) {
			t.Parallel()
			out := runShell(t, dir, env, fish, "-N", "-c", "source $argv[1]; complete -C $argv[2]", filepath.Join(dir, "mycli.fish"), tt.line)
			if diff := cmp.Diff(tt.want, offered(out, "")); diff != "" {
				t.Errorf("%q offered (-want +got):\n%s", tt.line, diff)
			}
		})
	}
}
