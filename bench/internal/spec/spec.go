// Package spec is what every program of the comparison shares: how many
// commands it has, their names, the arguments of each scenario and the line
// a command prints. It uses the standard library only, so the stdlib-only
// program may import it, and every program pays the same for it.
package spec

import (
	"io"
	"os"
	"strconv"
)

// EnvN is the environment variable the programs read N from: the number of
// generated sub-commands. Reading it is the only cost N itself adds; the
// programs then construct N commands, as a tool of that size would.
const EnvN = "BENCH_N"

// Flag names: every generated command has one flag of each kind.
const (
	FlagString = "name"
	FlagBool   = "force"
	FlagInt    = "count"
)

// Description is every generated command's one-line description.
const Description = "a generated command"

// Big is the command with Lenders*3 flags, used by the lenders scenario.
const Big = "big"

// Lenders is how many plugins lend flags to Big, three flags each.
const Lenders = 100

// N returns the number of commands the program should construct, from
// BENCH_N; 10 when it is unset or not a positive number.
func N() int {
	n, err := strconv.Atoi(os.Getenv(EnvN))
	if err != nil || n < 1 {
		return 10
	}
	return n
}

// Names returns the names of n generated commands: "cmd-0" ... "cmd-<n-1>".
// They share one backing string, so a program pays two allocations for
// them whatever n is, as a tool whose names are constants pays none.
func Names(n int) []string {
	buf := make([]byte, 0, n*9)
	ends := make([]int, n)
	for i := range n {
		buf = append(buf, "cmd-"...)
		buf = strconv.AppendInt(buf, int64(i), 10)
		ends[i] = len(buf)
	}
	all := string(buf)
	names := make([]string, n)
	start := 0
	for i, end := range ends {
		names[i] = all[start:end]
		start = end
	}
	return names
}

// Name returns the name of generated command i.
func Name(i int) string { return "cmd-" + strconv.Itoa(i) }

// LenderName returns the name of lender j: "l0" ... "l99". Its flags are
// offered on Big as "--l<j>-name", "--l<j>-force" and "--l<j>-count".
func LenderName(j int) string { return "l" + strconv.Itoa(j) }

// Scenario is one command line every program runs.
type Scenario struct {
	// Name is the scenario's short name, used in tables.
	Name string
	// Args returns the command line (without the program name) for a
	// program with n commands.
	Args func(n int) []string
	// OK reports whether the program's exit code is the expected one.
	OK func(code int) bool
}

// Scenarios are the command lines of the comparison. Dispatch names the
// last command registered, the worst case for a library that searches its
// commands in order.
var Scenarios = []Scenario{
	{
		Name: "dispatch",
		Args: func(n int) []string {
			return []string{Name(n - 1), "--" + FlagString + "=gopher", "--" + FlagBool, "--" + FlagInt + "=3", "arg"}
		},
		OK: func(code int) bool { return code == 0 },
	},
	{
		Name: "help",
		Args: func(int) []string { return []string{"--help"} },
		OK:   func(code int) bool { return code == 0 },
	},
	{
		Name: "unknown",
		Args: func(n int) []string { return []string{Typo(n)} },
		OK:   func(code int) bool { return code != 0 },
	},
	{
		Name: "lenders",
		Args: func(int) []string {
			l := "--" + LenderName(Lenders/2) + "-"
			return []string{Big, l + FlagString + "=gopher", l + FlagBool, l + FlagInt + "=3", "arg"}
		},
		OK: func(code int) bool { return code == 0 },
	},
}

// Complete is the hidden command a completion script runs at each TAB,
// in cobra's protocol: "tool __complete WORDS... WORD" prints the
// candidates for WORD, one a line ("value" or "value<TAB>description"),
// then a last line ":DIRECTIVE". cobra has it built in; a plughost tool
// opts in with completion.Complete.
const Complete = "__complete"

// CompleteDirective is the directive the completion scenario ends with:
// cobra's ShellCompDirectiveNoFileComp, 4, for candidates that are flags.
const CompleteDirective = 4

// Completion is the completion scenario, apart from Scenarios because not
// every program runs it: the shell asking, at a TAB after
// "tool cmd-<N-1> --", for the flags of the command dispatch runs (the
// last registered), "tool __complete cmd-<N-1> --". Its answer is the
// same four flags whatever N is (CompletionFlags), so what N costs is
// holding N commands and finding one, as in dispatch. Only the programs
// with a completion protocol run it (urfave/cli with its own command line,
// CompletionURfave); it is compared with the floor's dispatch at the same
// N, the floor having no completion.
var Completion = Scenario{
	Name: "completion",
	Args: func(n int) []string { return []string{Complete, Name(n - 1), "--"} },
	OK:   func(code int) bool { return code == 0 },
}

// CompletionURfave is the completion scenario's question in urfave/cli
// v3's own protocol: the words, the one under the cursor last, then the
// flag --generate-shell-completion. It prints "value:description" lines
// and no directive.
func CompletionURfave(n int) []string {
	return []string{Name(n - 1), "--", "--generate-shell-completion"}
}

// CompletionFlags are the candidates the completion scenario must offer,
// in every protocol: a generated command's three flags and --help.
var CompletionFlags = []string{"--" + FlagString, "--" + FlagBool, "--" + FlagInt, "--help"}

// Typo is the unknown command of the unknown scenario: the last command's
// name with two letters swapped ("cdm-9" for "cmd-9"), two edits away.
func Typo(n int) string {
	return "cdm-" + strconv.Itoa(n-1)
}

// Report writes the line a command prints when it runs.
func Report(w io.Writer, cmd, name string, force bool, count int, args []string) error {
	b := make([]byte, 0, 64)
	b = append(b, cmd...)
	b = append(b, " name="...)
	b = append(b, name...)
	b = append(b, " force="...)
	b = strconv.AppendBool(b, force)
	b = append(b, " count="...)
	b = strconv.AppendInt(b, int64(count), 10)
	b = append(b, " args="...)
	b = strconv.AppendInt(b, int64(len(args)), 10)
	b = append(b, '\n')
	_, err := w.Write(b)
	return err
}
