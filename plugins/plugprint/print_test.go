package plugprint_test

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/plugins/plugflag"
	"github.com/plughost/plughost/plugins/plugprint"
)

// help is the host's own -h, which every listing ends with.
var help = plugflag.Flag{Name: "help", Shorthand: "h", Usage: "show help"}

func TestPrintGolden(t *testing.T) {
	t.Parallel()
	tests := []struct {
		golden string
		help   plugprint.Help
	}{
		{
			golden: "root.golden",
			help: plugprint.Help{
				Path:        []string{"mycli"},
				Description: "a tool for tests",
				Flags:       []plugflag.Flag{help},
				Commands: []plugprint.Command{
					{Name: "build", Description: "build the project"},
					{Name: "db", Description: "work with the database"},
					{Name: "deploy", Aliases: []string{"ship", "d"}, Description: "ship the current build"},
					{Name: "lint", Aliases: []string{"l"}},
					{Name: "x"},
				},
				Shadowed:    []plugprint.Command{{Name: "make", Description: "make things", ShadowedBy: "build"}},
				HelpCommand: true,
			},
		},
		{
			golden: "command.golden",
			help: plugprint.Help{
				Path:        []string{"mycli", "deploy"},
				Description: "ship the current build",
				Aliases:     []string{"ship", "d"},
				Runnable:    true,
				Args:        "[arguments]",
				Flags: []plugflag.Flag{
					{Name: "count", Type: "int", Usage: "how many copies", Default: "3", Plugin: "deploy"},
					{Name: "dry-run", Usage: "only say what would happen", Plugin: "deploy"},
					{Name: "env", Shorthand: "e", Type: "string", Usage: "where to", Default: "staging", Plugin: "deploy"},
					{Name: "force", Usage: "", Plugin: "deploy"},
					{Name: "retries", Type: "int", Usage: "how often to try", Default: "0", Plugin: "deploy"},
					{Name: "tag", Type: "strings", Usage: "tag the release; repeatable", Default: `latest,"a,b"`, Plugin: "deploy"},
					{Name: "verbose", Shorthand: "v", Usage: "say more", Plugin: "deploy"},
					help,
				},
				// Print keeps the order it is given: log before cloud/aws.
				Lent: []plugflag.Flag{
					{Name: "log-json", Usage: "log as JSON", Plugin: "log"},
					{Name: "log-level", Type: "string", Usage: "how much to log", Default: "info", Plugin: "log"},
					{Name: "aws-region", Type: "string", Usage: "the AWS region", Default: "eu-west-1", Plugin: "cloud/aws"},
				},
				Commands: []plugprint.Command{
					{Name: "rollback", Aliases: []string{"undo"}, Description: "undo the last deploy"},
					{Name: "status", Description: "show what is deployed where"},
				},
			},
		},
		{
			golden: "parent.golden",
			help: plugprint.Help{
				Path:        []string{"mycli", "db"},
				Description: "work with the database",
				Flags:       []plugflag.Flag{help},
				Commands: []plugprint.Command{
					{Name: "migrate", Description: "apply migrations"},
					{Name: "seed", Description: "fill the database with test data"},
				},
				HelpCommand: true,
			},
		},
		{
			// Whatever a plugin wrote reaches the terminal escaped, and a
			// newline forges no row.
			golden: "hostile.golden",
			help: plugprint.Help{
				Path:        []string{"mycli\x1b[2J", "de\nploy"},
				Description: "ships\n  fake   row\x1b]0;pwned\a\x1b[2J \xff \u2028",
				Aliases:     []string{"s\rhip"},
				Runnable:    true,
				Args:        "APP\x1b[2J",
				Long:        "line one\x1b]0;t\a\n\nline three",
				Examples:    "tool deploy\x1b[31m",
				Flags: []plugflag.Flag{
					{Name: "env", Type: "str\x1bing", Usage: "where\nto", Default: "a\x1bb", Plugin: "deploy"},
					help,
				},
				Lent: []plugflag.Flag{{Name: "log-level", Usage: "how\tmuch", Default: "1\x07", Type: "int", Plugin: "lo\ng"}},
				Commands: []plugprint.Command{
					{Name: "st\x1b[31matus", Aliases: []string{"s\n"}, Description: "shows\u202eevil"},
				},
				Shadowed: []plugprint.Command{{Name: "x\ny", Description: "d\x1b", ShadowedBy: "z\a"}},
			},
		},
		{
			golden: "no_description.golden",
			help: plugprint.Help{
				Path:     []string{"mycli", "x"},
				Flags:    []plugflag.Flag{help},
				Runnable: true,
				Args:     "[arguments]",
			},
		},
		{
			// What the Real-tools issue adds: a long description, declared
			// arguments, examples, groups, inherited and global flags,
			// and flags with traits.
			golden: "full.golden",
			help: plugprint.Help{
				Path:        []string{"mycli", "deploy"},
				Description: "ship the current build",
				Long:        "Deploy builds the app, then ships it.\n\nIt waits for the new version to answer.",
				Args:        "APP [ENV]",
				Examples:    "mycli deploy web\nmycli deploy web prod --force",
				Runnable:    true,
				Flags: []plugflag.Flag{
					{Name: "env", Type: "string", Usage: "where to", Choices: []string{"dev", "prod"}, Required: true, Plugin: "deploy"},
					{Name: "color", Usage: "colour the output", Default: "true", Negatable: true, Plugin: "deploy"},
					{Name: "secret", Usage: "never listed", Hidden: true, Plugin: "deploy"},
					{Name: "old", Usage: "never listed", Deprecated: "use --env", Plugin: "deploy"},
					help,
				},
				Inherited: []plugflag.Flag{{Name: "region", Type: "string", Usage: "the region", Default: "eu", Plugin: "cloud"}},
				Global:    []plugflag.Flag{{Name: "debug", Usage: "say what happens", Plugin: "debug"}},
				Commands: []plugprint.Command{
					{Name: "status", Description: "show what is deployed"},
					{Name: "rollback", Description: "undo the last deploy", Group: "Repair commands"},
					{Name: "logs", Description: "show the logs", Group: "Inspection commands"},
				},
				HelpCommand: true,
			},
		},
		{
			golden: "zero.golden",
			help:   plugprint.Help{},
		},
		{
			golden: "no_path.golden",
			help: plugprint.Help{
				Description: "a tool without a name",
				Commands:    []plugprint.Command{{Name: "x"}},
			},
		},
	}
	for _, tt := range tests {
		var b strings.Builder
		if err := plugprint.Print(&b, tt.help); err != nil {
			t.Errorf("%s: Print: %v", tt.golden, err)
			continue
		}
		got := b.String()
		testhelpers.Golden(t, tt.golden, got)
		for i, line := range strings.Split(got, "\n") {
			if strings.TrimRight(line, " \t") != line {
				t.Errorf("%s: line %d has trailing white space: %q", tt.golden, i+1, line)
			}
		}
	}
}

// someHelp is help that makes many writes, for the write error tests.
var someHelp = plugprint.Help{
	Path:        []string{"mycli", "deploy"},
	Description: "ship the current build",
	Aliases:     []string{"ship"},
	Runnable:    true,
	Flags: []plugflag.Flag{
		{Name: "env", Shorthand: "e", Type: "string", Usage: "where to", Default: "staging"},
		help,
	},
	Lent: []plugflag.Flag{
		{Name: "log-level", Type: "string", Usage: "how much to log", Plugin: "log"},
		{Name: "aws-region", Type: "string", Usage: "the region", Plugin: "cloud/aws"},
	},
	Commands: []plugprint.Command{{Name: "status", Description: "show what is deployed"}},
}

// callWriter fails its failAt-th call to Write, with err, or with a short
// write when err is nil; other calls write all they are given.
type callWriter struct {
	failAt int
	err    error
	calls  int
	b      strings.Builder
}

func (w *callWriter) Write(p []byte) (int, error) {
	w.calls++
	if w.calls != w.failAt {
		return w.b.Write(p)
	}
	if w.err != nil {
		return 0, w.err
	}
	n := len(p) / 2
	w.b.Write(p[:n])
	return n, nil
}

var errDiskFull = errors.New("disk full")

func TestPrintWriteErrorOnCall(t *testing.T) {
	t.Parallel()
	all := &callWriter{}
	if err := plugprint.Print(all, someHelp); err != nil {
		t.Fatalf("Print: %v", err)
	}
	if all.calls < 3 {
		t.Fatalf("Print made %d calls to Write; the test wants more", all.calls)
	}
	type result struct {
		Err   error
		Calls int
	}
	type writeCase struct {
		name   string
		failAt int   // the call to Write that fails
		err    error // its error; nil for a short write
	}
	tests := []writeCase{
		{"short first write", 1, nil},
		{"short write midway", all.calls / 2, nil},
		{"short last write", all.calls, nil},
	}
	for n := 1; n <= all.calls; n++ {
		tests = append(tests, writeCase{fmt.Sprintf("error on write %d of %d", n, all.calls), n, errDiskFull})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			w := &callWriter{failAt: tt.failAt, err: tt.err}
			err := plugprint.Print(w, someHelp)
			want := result{Err: tt.err, Calls: tt.failAt}
			if tt.err == nil {
				want.Err = io.ErrShortWrite
			}
			if diff := cmp.Diff(want, result{Err: err, Calls: w.calls}, cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
				t.Errorf("Print (-want +got):\n%s", diff)
			}
			if !strings.HasPrefix(all.b.String(), w.b.String()) {
				t.Errorf("Print wrote %q, not the start of its help", w.b.String())
			}
		})
	}
}

// byteWriter takes at most limit bytes, then fails.
type byteWriter struct {
	limit int
	b     strings.Builder
	late  int // bytes offered after the first failure
	full  bool
}

func (w *byteWriter) Write(p []byte) (int, error) {
	if w.full {
		w.late += len(p)
	}
	n := min(len(p), w.limit-w.b.Len())
	w.b.Write(p[:n])
	if n < len(p) {
		w.full = true
		return n, errDiskFull
	}
	return n, nil
}

func TestPrintWriteErrorOnByte(t *testing.T) {
	t.Parallel()
	var all strings.Builder
	if err := plugprint.Print(&all, someHelp); err != nil {
		t.Fatalf("Print: %v", err)
	}
	size := all.Len()
	tests := []struct {
		name    string
		limit   int
		wantErr error
	}{
		{"nothing fits", 0, errDiskFull},
		{"one byte fits", 1, errDiskFull},
		{"the first line fits", strings.IndexByte(all.String(), '\n') + 1, errDiskFull},
		{"half fits", size / 2, errDiskFull},
		{"all but one byte fits", size - 1, errDiskFull},
		{"all fits", size, nil},
		{"room to spare", size + 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			w := &byteWriter{limit: tt.limit}
			err := plugprint.Print(w, someHelp)
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("Print = %v; want %v", err, tt.wantErr)
			}
			if diff := cmp.Diff(all.String()[:min(tt.limit, size)], w.b.String()); diff != "" {
				t.Errorf("written (-want +got):\n%s", diff)
			}
			if w.late != 0 {
				t.Errorf("Print offered %d more bytes after the write failed", w.late)
			}
		})
	}
}
