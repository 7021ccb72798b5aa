package output_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"text/tabwriter"
	"unicode/utf8"

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
	report := func(j *output.JSON) {
		j.BeginObject()
		j.Key("name").String("a\x1b[2Jb")
		j.EndObject()
	}
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

// TestPairs checks Pairs against text/tabwriter, which it replaces.
func TestPairs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		pairs [][2]string
	}{
		{name: "none"},
		{name: "one", pairs: [][2]string{{"go", "go1.24.0"}}},
		{name: "aligned", pairs: [][2]string{{"  revision", "0123"}, {"  time", "2025"}, {"  go", "go1.24.0"}}},
		{name: "an empty value is still padded", pairs: [][2]string{{"executable", ""}, {"go", "x"}}},
		{name: "runes counted once", pairs: [][2]string{{"généré", "a  b"}, {"x", "世界"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var want bytes.Buffer
			tw := tabwriter.NewWriter(&want, 0, 0, 2, ' ', 0)
			for _, p := range tt.pairs {
				fmt.Fprintf(tw, "%s\t%s\n", p[0], output.Line(p[1]))
			}
			tw.Flush()
			var got bytes.Buffer
			output.Pairs(&got, tt.pairs)
			if diff := cmp.Diff(want.String(), got.String()); diff != "" {
				t.Errorf("pairs (-want +got):\n%s", diff)
			}
		})
	}
}

// Pairs escapes values, so that none can break a line.
func TestPairsEscapes(t *testing.T) {
	t.Parallel()
	var got bytes.Buffer
	output.Pairs(&got, [][2]string{{"a", "x\n\x1b[2Jy\tz"}})
	if diff := cmp.Diff("a  x\\n\\x1b[2Jy\\tz\n", got.String()); diff != "" {
		t.Errorf("pairs (-want +got):\n%s", diff)
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

func TestFitTable(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		width  int
		header []string
		rows   [][]string
		want   string
	}{
		{
			name:   "fits uncut",
			width:  20,
			header: []string{"NAME", "DESCRIPTION"},
			rows:   [][]string{{"a", "twelve runes"}},
			want: "NAME  DESCRIPTION\n" +
				"a     twelve runes\n",
		},
		{
			name:   "exactly the width",
			width:  18,
			header: []string{"NAME", "DESCRIPTION"},
			rows:   [][]string{{"a", "twelve runes"}},
			want: "NAME  DESCRIPTION\n" +
				"a     twelve runes\n",
		},
		{
			name:   "the widest column is cut",
			width:  16,
			header: []string{"NAME", "DESCRIPTION"},
			rows:   [][]string{{"a", "twelve runes"}},
			want: "NAME  DESCRIPTI…\n" +
				"a     twelve ru…\n",
		},
		{
			name:   "white space before the ellipsis is dropped",
			width:  14,
			header: []string{"NAME", "D"},
			rows:   [][]string{{"a", "twelve runes"}},
			want: "NAME  D\n" +
				"a     twelve…\n",
		},
		{
			name:   "wide columns share the width, narrow ones keep theirs",
			width:  30,
			header: []string{"N", "MODULE", "DESCRIPTION"},
			rows: [][]string{
				{"a", "example.com/a/very/long/module/path", "a long description of the plugin"},
				{"b", "x", "-"},
			},
			// 30 - 4 between columns - 1 for N leaves 25: 13 and 12.
			want: "N  MODULE         DESCRIPTION\n" +
				"a  example.com/…  a long desc…\n" +
				"b  x              -\n",
		},
		{
			name:   "runes are not split",
			width:  10,
			header: []string{"A", "B"},
			rows:   [][]string{{"x", "世界世界世界世界世界"}},
			want: "A  B\n" +
				"x  世界世界世界…\n",
		},
		{
			name:   "escapes are measured escaped",
			width:  12,
			header: []string{"A", "B"},
			rows:   [][]string{{"x", "\x1b[2J\x1b[2J"}},
			want: "A  B\n" +
				"x  \\x1b[2J\\…\n",
		},
		{
			name:   "the header is cut too",
			width:  9,
			header: []string{"NAME", "DESCRIPTION"},
			rows:   [][]string{{"aaaa", "bbbbbbbbbbbb"}},
			want: "NAME  DE…\n" +
				"aaaa  bb…\n",
		},
		{
			name:   "too narrow: a rune a column",
			width:  3,
			header: []string{"NAME", "DESCRIPTION"},
			rows:   [][]string{{"a", "b"}},
			want: "…  …\n" +
				"a  b\n",
		},
		{
			name:   "no width cuts nothing",
			width:  0,
			header: []string{"NAME", "DESCRIPTION"},
			rows:   [][]string{{"a", "a long description of the plugin"}},
			want: "NAME  DESCRIPTION\n" +
				"a     a long description of the plugin\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got bytes.Buffer
			output.FitTable(&got, tt.width, tt.header, tt.rows)
			if diff := cmp.Diff(tt.want, got.String()); diff != "" {
				t.Errorf("table (-want +got):\n%s", diff)
			}
		})
	}
}

// TestFitTableFits checks, over many shapes of table, that no line is
// wider than the width, that every line is valid UTF-8, and that a cell
// is either whole or cut with an ellipsis after a prefix of itself.
func TestFitTableFits(t *testing.T) {
	t.Parallel()
	words := []string{"", "a", "deploy", "github.com/example/some/long/module/path/v2", "(devel)",
		"héllo wörld, 世界 🙂 and more words after them", "\x1b]0;title\a", strings.Repeat("x", 150)}
	for width := 20; width <= 120; width += 7 {
		for cols := 1; cols <= 6; cols++ {
			header := make([]string, cols)
			for i := range header {
				header[i] = fmt.Sprintf("COLUMN %d", i)
			}
			var rows, orig [][]string
			for r := range 12 {
				row := make([]string, cols)
				for i := range row {
					row[i] = words[(r*(i+3)+i)%len(words)]
				}
				rows = append(rows, row)
				orig = append(orig, append([]string(nil), row...))
			}
			var got bytes.Buffer
			output.FitTable(&got, width, header, rows)
			lines := strings.Split(strings.TrimSuffix(got.String(), "\n"), "\n")
			if len(lines) != 1+len(rows) {
				t.Fatalf("width %d, %d columns: %d lines, want %d", width, cols, len(lines), 1+len(rows))
			}
			for i, line := range lines {
				if !utf8.ValidString(line) {
					t.Errorf("width %d, %d columns: line %d is not valid UTF-8: %q", width, cols, i, line)
				}
				if n := utf8.RuneCountInString(line); n > width {
					t.Errorf("width %d, %d columns: line %d is %d runes: %q", width, cols, i, n, line)
				}
			}
			for r, row := range rows {
				for i, c := range row {
					whole := output.Cell(orig[r][i])
					if c != whole && !(strings.HasSuffix(c, output.Ellipsis) && strings.HasPrefix(whole, strings.TrimSuffix(c, output.Ellipsis))) {
						t.Errorf("width %d, %d columns: cell %q is not %q or a cut of it", width, cols, c, whole)
					}
				}
			}
		}
	}
}

func TestCut(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		n    int
		want string
	}{
		{name: "shorter", in: "abc", n: 4, want: "abc"},
		{name: "as long", in: "abcd", n: 4, want: "abcd"},
		{name: "longer", in: "abcde", n: 4, want: "abc…"},
		{name: "runes", in: "世界世界世", n: 3, want: "世界…"},
		{name: "emoji", in: "🙂🙂🙂", n: 2, want: "🙂…"},
		{name: "space before the cut", in: "ab cdef", n: 4, want: "ab…"},
		{name: "one", in: "abc", n: 1, want: "…"},
		{name: "zero", in: "abc", n: 0, want: "…"},
		{name: "empty", in: "", n: 0, want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, output.Cut(tt.in, tt.n)); diff != "" {
				t.Errorf("Cut(%q, %d) (-want +got):\n%s", tt.in, tt.n, diff)
			}
		})
	}
}
