package output_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cmds/internal/output"
)

// halfWriter writes half of what it is given and reports no error: a
// short write.
type halfWriter struct{ bytes.Buffer }

func (w *halfWriter) Write(p []byte) (int, error) {
	return w.Buffer.Write(p[:len(p)/2])
}

var errWrite = errors.New("disk full")

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestPrint(t *testing.T) {
	t.Parallel()
	report := map[string]string{"name": "a\x1b[2Jb"}
	text := func(w io.Writer) { fmt.Fprintln(w, "text") }
	tests := []struct {
		name    string
		w       io.Writer
		json    bool
		wantOut string
		wantIs  error
		wantMsg string
	}{
		{name: "text", w: &bytes.Buffer{}, wantOut: "text\n"},
		{name: "json is exact", w: &bytes.Buffer{}, json: true, wantOut: "{\n  \"name\": \"a\\u001b[2Jb\"\n}\n"},
		{name: "short write", w: &halfWriter{}, wantOut: "te", wantIs: io.ErrShortWrite, wantMsg: "writing output: short write"},
		{name: "short write json", w: &halfWriter{}, json: true, wantOut: "{\n  \"name\": \"a", wantIs: io.ErrShortWrite, wantMsg: "writing output: short write"},
		{name: "failed write", w: failWriter{}, wantIs: errWrite, wantMsg: "writing output: disk full"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := output.Print(tt.w, tt.json, report, text)
			if !errors.Is(err, tt.wantIs) {
				t.Fatalf("got error %v, want one wrapping %v", err, tt.wantIs)
			}
			if err != nil {
				if diff := cmp.Diff(tt.wantMsg, err.Error()); diff != "" {
					t.Errorf("error (-want +got):\n%s", diff)
				}
			}
			if s, ok := tt.w.(fmt.Stringer); ok {
				if diff := cmp.Diff(tt.wantOut, s.String()); diff != "" {
					t.Errorf("output (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestCell(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{name: "empty", in: "", want: "-"},
		{name: "white space only", in: " \t\n", want: "-"},
		{name: "plain", in: "deploy", want: "deploy"},
		{name: "white space made one space", in: " ship\tthe\napp \r\n ", want: "ship the app"},
		{name: "line separators are white space", in: "a\u2028b\u2029c\u0085d", want: "a b c d"},
		{name: "escape sequences", in: "\x1b]0;pwned\a\x1b[2J", want: `\x1b]0;pwned\a\x1b[2J`},
		{name: "delete", in: "a\x7fb", want: `a\x7fb`},
		{name: "invalid UTF-8", in: "a\xffb", want: `a\xffb`},
		{name: "bidi override", in: "a\u202eb", want: `a\u202eb`},
		{name: "other scripts kept", in: "héllo 世界 🙂", want: "héllo 世界 🙂"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, output.Cell(tt.in)); diff != "" {
				t.Errorf("Cell(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestLine(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{name: "empty", in: "", want: ""},
		{name: "spaces kept", in: "/my  dir/x", want: "/my  dir/x"},
		{name: "newline escaped", in: "a\nb", want: `a\nb`},
		{name: "escape sequence", in: "\x1b[2J", want: `\x1b[2J`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, output.Line(tt.in)); diff != "" {
				t.Errorf("Line(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// TestTable checks Table against text/tabwriter, which it replaces.
func TestTable(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		header []string
		rows   [][]string
	}{
		{name: "header only", header: []string{"NAME", "TYPE"}},
		{name: "no header", rows: [][]string{{"a", "bb"}, {"ccc", "d"}}},
		{name: "one column", header: []string{"NAME"}, rows: [][]string{{"a"}, {"bbbb"}}},
		{name: "wide runes counted once", header: []string{"NAME", "DESCRIPTION", "X"}, rows: [][]string{
			{"世界", "héllo", "-"},
			{"a", "", "last cell is not padded"},
			{"long name here", "🙂", "x"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var want bytes.Buffer
			tw := tabwriter.NewWriter(&want, 0, 0, 2, ' ', 0)
			for _, row := range append([][]string{tt.header}, tt.rows...) {
				if row == nil {
					continue
				}
				for i, c := range row {
					if i > 0 {
						fmt.Fprint(tw, "\t")
					}
					fmt.Fprint(tw, output.Cell(c))
				}
				fmt.Fprintln(tw)
			}
			tw.Flush()
			var got bytes.Buffer
			output.Table(&got, tt.header, tt.rows)
			if diff := cmp.Diff(want.String(), got.String()); diff != "" {
				t.Errorf("table (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTableEscapes checks that no cell can break a row or reach a terminal
// raw.
func TestTableEscapes(t *testing.T) {
	t.Parallel()
	var got bytes.Buffer
	output.Table(&got, []string{"A", "B"}, [][]string{
		{"x\ny", "\x1b]0;pwned\a\x1b[2J"},
		{"\t", "z"},
	})
	want := "A    B\n" +
		"x y  \\x1b]0;pwned\\a\\x1b[2J\n" +
		"-    z\n"
	if diff := cmp.Diff(want, got.String()); diff != "" {
		t.Errorf("table (-want +got):\n%s", diff)
	}
	if n := strings.Count(got.String(), "\n"); n != 3 {
		t.Errorf("%d lines, want 3", n)
	}
}
