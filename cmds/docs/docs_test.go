package docs_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cmds/docs"
	"github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/plugins/plugflag"
	"github.com/plughost/plughost/plugins/plugprint"
)

var day = docs.Date(time.Date(2024, 1, 2, 15, 4, 5, 0, time.UTC))

// noBuild is build info with no version control time.
func noBuild() (*debug.BuildInfo, bool) { return nil, false }

func TestGolden(t *testing.T) {
	t.Parallel()
	tests := []struct {
		format docs.Format
		dir    string
		files  []string
	}{
		{format: docs.Man, dir: "man", files: []string{
			"tool.1", "tool-[x](#top).1", "tool-db.1", "tool-db-migrate.1",
			"tool-deploy.1", "tool-deploy-rollback.1", "tool-deploy-status.1",
		}},
		{format: docs.Markdown, dir: "markdown", files: []string{
			"tool.md", "tool_[x](#top).md", "tool_db.md", "tool_db_migrate.md",
			"tool_deploy.md", "tool_deploy_rollback.md", "tool_deploy_status.md",
		}},
	}
	for _, tt := range tests {
		t.Run(string(tt.format), func(t *testing.T) {
			t.Parallel()
			pages, err := docs.Render(context.Background(), model(), tt.format, day,
				docs.ConfigFiles(".tool.json", "/etc/tool.conf"))
			if err != nil {
				t.Fatal(err)
			}
			var files []string
			for _, p := range pages {
				files = append(files, p.File)
				testhelpers.Golden(t, filepath.Join(tt.dir, p.File), string(p.Text))
			}
			if diff := cmp.Diff(tt.files, files); diff != "" {
				t.Errorf("files (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRenderIsStable renders twice: the bytes are the same.
func TestRenderIsStable(t *testing.T) {
	t.Parallel()
	for _, f := range []docs.Format{docs.Man, docs.Markdown} {
		a, err := docs.Render(context.Background(), model(), f, docs.BuildInfo(noBuild))
		if err != nil {
			t.Fatal(err)
		}
		b, err := docs.Render(context.Background(), model(), f, docs.BuildInfo(noBuild))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(a, b); diff != "" {
			t.Errorf("%s: two renders differ (-first +second):\n%s", f, diff)
		}
	}
}

// roffEscape is every escape a page may hold: \e, \-, \&, \(dq, fonts and
// Unicode characters.
var roffEscape = regexp.MustCompile(`^\\(e|-|&|\(dq|f[BIR]|\[u[0-9A-F]{4,6}\])`)

// roffRequest is every request or macro a page may hold.
var roffRequest = regexp.MustCompile(`^\.(\\" .*|TH .*|SH [A-Z ]+|SS ".*"|TP|PP|br|RS 4|RE|EX|EE)$`)

// checkRoff reports a line of page that is a request or macro the
// renderer does not write, or an escape it does not write: either came
// from what a plugin wrote.
func checkRoff(t *testing.T, name string, page []byte) {
	t.Helper()
	for i, l := range strings.Split(strings.TrimSuffix(string(page), "\n"), "\n") {
		if (strings.HasPrefix(l, ".") || strings.HasPrefix(l, "'")) && !roffRequest.MatchString(l) {
			t.Errorf("%s:%d: unexpected request %q", name, i+1, l)
		}
		for j := 0; j < len(l); j++ {
			if l[j] != '\\' {
				if l[j] < 0x20 || l[j] >= 0x7f {
					t.Errorf("%s:%d: byte %#x", name, i+1, l[j])
				}
				continue
			}
			m := roffEscape.FindString(l[j:])
			if m == "" && !strings.HasPrefix(l, `.\"`) {
				t.Errorf("%s:%d: unexpected escape at %q", name, i+1, l[j:])
				continue
			}
			j += max(len(m), 1) - 1
		}
	}
}

func TestManHasOnlyItsOwnRequests(t *testing.T) {
	t.Parallel()
	pages, err := docs.Render(context.Background(), model(), docs.Man, day)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		checkRoff(t, p.File, p.Text)
	}
}

// page renders the tool's page of a model of one page, h, and returns its
// lines.
func page(t *testing.T, f docs.Format, h plugprint.Help, opts ...docs.Option) []string {
	t.Helper()
	if h.Path == nil {
		h.Path = []string{"tool"}
	}
	pages, err := docs.Render(context.Background(), source{"": h}, f, append([]docs.Option{day}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(string(pages[0].Text), "\n")
}

// after returns the lines of page after the first that is heading, up
// to the next heading of its kind, or nil.
func after(lines []string, heading string) []string {
	for i, l := range lines {
		if l != heading {
			continue
		}
		rest := lines[i+1:]
		for j, l := range rest {
			if strings.HasPrefix(l, ".SH ") || strings.HasPrefix(l, "## ") {
				return rest[:j]
			}
		}
		return rest
	}
	return nil
}

func TestManEscapes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, desc string
		wantName   string // the line after .SH NAME
	}{
		{name: "plain", desc: "ship the app", wantName: `tool \- ship the app`},
		{name: "hyphens", desc: "use --force - or not", wantName: `tool \- use \-\-force \- or not`},
		{name: "a macro", desc: ".TH injected", wantName: `tool \- .TH injected`},
		{name: "a font escape", desc: `\fBbold\fR`, wantName: `tool \- \efBbold\efR`},
		{name: "backslashes", desc: `a \\ b \`, wantName: `tool \- a \e\e b \e`},
		{name: "a newline", desc: "a\n.SH EVIL", wantName: `tool \- a\en.SH EVIL`},
		{name: "an escape sequence", desc: "\x1b[2Jx", wantName: `tool \- \ex1b[2Jx`},
		{name: "invalid UTF-8", desc: "a\xffb", wantName: `tool \- a\exffb`},
		{name: "a bidi override", desc: "a\u202eb", wantName: `tool \- a\eu202eb`},
		{name: "unicode", desc: "héllo 世界 🙂", wantName: `tool \- h\[u00E9]llo \[u4E16]\[u754C] \[u1F642]`},
		{name: "quotes", desc: `"q" 'q'`, wantName: `tool \- "q" 'q'`},
		{name: "none", desc: "", wantName: `tool \- tool`},
		{name: "white space", desc: "  \t ", wantName: `tool \- tool`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := after(page(t, docs.Man, plugprint.Help{Description: tt.desc}), ".SH NAME")
			if diff := cmp.Diff([]string{tt.wantName}, got); diff != "" {
				t.Errorf("NAME (-want +got):\n%s", diff)
			}
		})
	}
}

func TestManLong(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, long string
		noDesc     bool
		want       []string // the lines of DESCRIPTION
	}{
		{name: "no description", long: "one\n\ntwo", noDesc: true, want: []string{"one", ".PP", "two"}},
		{name: "nothing", noDesc: true, want: []string{"The tool command."}},
		{name: "paragraphs", long: "one\ntwo\n\n\nthree", want: []string{"d", ".PP", "one", "two", ".PP", "three"}},
		{name: "leading dot and quote", long: ".SH X\n'br\n  .B y", want: []string{"d", ".PP", `\&.SH X`, `\&'br`, ".RS 4", ".EX", `\&.B y`, ".EE", ".RE"}},
		{name: "indented block kept", long: "see:\n\n    a\n\n      b\n\tc\nafter", want: []string{
			"d", ".PP", "see:", ".RS 4", ".EX", "a", "", "  b", "    c", ".EE", ".RE", ".PP", "after",
		}},
		{name: "white space at the ends", long: "  \n one  \r\n", want: []string{"d", ".RS 4", ".EX", "one", ".EE", ".RE"}},
		{name: "a control byte per line", long: "a\x00\n\x1b[2J", want: []string{"d", ".PP", `a\ex00`, `\ex1b[2J`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := plugprint.Help{Description: "d", Long: tt.long}
			if tt.noDesc {
				h.Description = ""
			}
			got := after(page(t, docs.Man, h), ".SH DESCRIPTION")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("DESCRIPTION (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMarkdownEscapes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, desc string
		want       string // the line after the title
	}{
		{name: "plain", desc: "ship the app", want: "ship the app"},
		{name: "html", desc: "<script>alert(1)</script>", want: `\<script\>alert(1)\</script\>`},
		{name: "a link", desc: "[x](javascript:alert(1))", want: `\[x\](javascript:alert(1))`},
		{name: "an image", desc: "![x](y)", want: `!\[x\](y)`},
		{name: "an entity", desc: "&#x202e;", want: `\&\#x202e;`},
		{name: "emphasis and code", desc: "*a* _b_ `c` ~~d~~", want: "\\*a\\* \\_b\\_ \\`c\\` \\~\\~d\\~\\~"},
		{name: "a list", desc: "- a", want: `\- a`},
		{name: "an ordered list", desc: "12. a", want: `12\. a`},
		{name: "a heading", desc: "# a", want: `\# a`},
		{name: "an underline", desc: "===", want: `\===`},
		{name: "a quote", desc: "> a", want: `\> a`},
		{name: "mdx", desc: "{a} $b$", want: `\{a\} \$b\$`},
		{name: "autolinks", desc: "www.a.com https://b.com", want: `www\.a.com https\://b.com`},
		{name: "a table", desc: "a | b", want: `a \| b`},
		{name: "backslashes", desc: `a \ b`, want: `a \\ b`},
		{name: "a newline", desc: "a\n# b", want: `a\\n\# b`},
		{name: "an escape sequence", desc: "\x1b[2J", want: `\\x1b\[2J`},
		{name: "hyphens inside", desc: "use --force", want: "use --force"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			lines := page(t, docs.Markdown, plugprint.Help{Description: tt.desc})
			if diff := cmp.Diff([]string{"# tool", "", tt.want}, lines[:3]); diff != "" {
				t.Errorf("head (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMarkdownCode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		examples string
		want     []string
	}{
		{name: "plain", examples: "  tool a\n  tool b", want: []string{"```", "tool a", "tool b", "```"}},
		{name: "a fence inside", examples: "````\nx", want: []string{"`````", "````", "x", "`````"}},
		{name: "html stays code", examples: "<script>", want: []string{"```", "<script>", "```"}},
		{name: "control bytes", examples: "a\x1b[2J", want: []string{"```", `a\x1b[2J`, "```"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := after(page(t, docs.Markdown, plugprint.Help{Examples: tt.examples}), "## Examples")
			if diff := cmp.Diff(append([]string{""}, tt.want...), got[:len(tt.want)+1]); diff != "" {
				t.Errorf("examples (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFlagNotes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		flag     plugflag.Flag
		opts     []docs.Option
		wantMan  []string
		wantMd   []string
		global   bool
		inherits bool
	}{
		{
			name:    "bool",
			flag:    plugflag.Flag{Name: "debug", Usage: "debug", Default: "false", Value: value{}},
			wantMan: []string{".TP", `\fB\-\-debug\fR`, "debug", ".br", `Config file key: \fBdebug\fR, at the top level.`},
			wantMd:  []string{"- `--debug`: debug\\", "  Config file key: `debug`, at the top level."},
		},
		{
			name:    "the host's own",
			flag:    plugflag.Flag{Name: "help", Shorthand: "h", Usage: "show help"},
			wantMan: []string{".TP", `\fB\-h\fR, \fB\-\-help\fR`, "show help"},
			wantMd:  []string{"- `-h, --help`: show help"},
		},
		{
			name:    "no keys",
			flag:    plugflag.Flag{Name: "debug", Usage: "debug", Value: value{}},
			opts:    []docs.Option{docs.NoConfigKeys()},
			wantMan: []string{".TP", `\fB\-\-debug\fR`, "debug"},
			wantMd:  []string{"- `--debug`: debug"},
		},
		{
			name: "string with everything",
			flag: plugflag.Flag{Name: "env", Shorthand: "e", Type: "string", Usage: "where", Default: "dev",
				Choices: []string{"dev", "prod"}, Env: "T_ENV", Value: value{}},
			wantMan: []string{".TP", `\fB\-e\fR, \fB\-\-env\fR \fIstring\fR`, "where", ".br",
				`One of: \fBdev\fR, \fBprod\fR.`, ".br", `Default: \fB"dev"\fR.`, ".br",
				`Environment: \fBT_ENV\fR.`, ".br", `Config file key: \fBenv\fR, at the top level.`},
			wantMd: []string{"- `-e, --env string`: where\\", "  One of: `dev`, `prod`.\\", "  Default: `\"dev\"`.\\",
				"  Environment: `T_ENV`.\\", "  Config file key: `env`, at the top level."},
		},
		{
			name:    "required hides the default",
			flag:    plugflag.Flag{Name: "app", Type: "string", Default: "x", Required: true},
			wantMan: []string{".TP", `\fB\-\-app\fR \fIstring\fR`, "Required."},
			wantMd:  []string{"- `--app string`\\", "  Required."},
		},
		{
			name:    "a secret has no default",
			flag:    plugflag.Flag{Name: "token", Type: "string", Default: "hunter2", Secret: true},
			wantMan: []string{".TP", `\fB\-\-token\fR \fIstring\fR`},
			wantMd:  []string{"- `--token string`"},
		},
		{
			name:    "negatable",
			flag:    plugflag.Flag{Name: "color", Default: "true", Negatable: true},
			wantMan: []string{".TP", `\fB\-\-[no\-]color\fR`, `Default: \fBtrue\fR.`},
			wantMd:  []string{"- `--[no-]color`\\", "  Default: `true`."},
		},
		{
			name:    "a default with backticks and escapes",
			flag:    plugflag.Flag{Name: "x", Type: "int", Default: "`1\n`"},
			wantMan: []string{".TP", `\fB\-\-x\fR \fIint\fR`, "Default: \\fB`1\\en`\\fR."},
			wantMd:  []string{"- `--x int`\\", "  Default: `` `1\\n` ``."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := plugprint.Help{Flags: []plugflag.Flag{tt.flag}}
			got := after(page(t, docs.Man, h, tt.opts...), ".SH OPTIONS")
			if diff := cmp.Diff(tt.wantMan, got); diff != "" {
				t.Errorf("man (-want +got):\n%s", diff)
			}
			got = after(page(t, docs.Markdown, h, tt.opts...), "## Options")
			if diff := cmp.Diff(append([]string{""}, tt.wantMd...), got[:min(len(got), len(tt.wantMd)+1)]); diff != "" {
				t.Errorf("markdown (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDate(t *testing.T) {
	t.Parallel()
	built := func(vcsTime string) docs.Option {
		return docs.BuildInfo(func() (*debug.BuildInfo, bool) {
			return &debug.BuildInfo{Settings: []debug.BuildSetting{{Key: "vcs.time", Value: vcsTime}}}, true
		})
	}
	tests := []struct {
		name    string
		env     map[string]string // nil: the source is not an Enver
		opts    []docs.Option
		wantTH  string
		wantErr error
	}{
		{name: "the Date option", env: map[string]string{"SOURCE_DATE_EPOCH": "0"}, opts: []docs.Option{day, built("2020-05-06T07:08:09Z")},
			wantTH: `.TH "TOOL" 1 "2024-01-02" "tool"`},
		{name: "a zero Date is no date", opts: []docs.Option{docs.Date(time.Time{}), built("2020-05-06T07:08:09Z")},
			wantTH: `.TH "TOOL" 1 "" "tool"`},
		{name: "SOURCE_DATE_EPOCH", env: map[string]string{"SOURCE_DATE_EPOCH": "1704153600"}, opts: []docs.Option{built("2020-05-06T07:08:09Z")},
			wantTH: `.TH "TOOL" 1 "2024-01-02" "tool"`},
		{name: "SOURCE_DATE_EPOCH is UTC", env: map[string]string{"SOURCE_DATE_EPOCH": "1704239999"}, opts: []docs.Option{built("")},
			wantTH: `.TH "TOOL" 1 "2024-01-02" "tool"`},
		{name: "an empty SOURCE_DATE_EPOCH is unset", env: map[string]string{"SOURCE_DATE_EPOCH": ""}, opts: []docs.Option{built("2020-05-06T07:08:09Z")},
			wantTH: `.TH "TOOL" 1 "2020-05-06" "tool"`},
		{name: "a bad SOURCE_DATE_EPOCH", env: map[string]string{"SOURCE_DATE_EPOCH": "yesterday"}, wantErr: docs.ErrBadDate},
		{name: "a negative SOURCE_DATE_EPOCH", env: map[string]string{"SOURCE_DATE_EPOCH": "-1"}, wantErr: docs.ErrBadDate},
		{name: "the build's time", env: map[string]string{}, opts: []docs.Option{built("2020-05-06T23:08:09-05:00")},
			wantTH: `.TH "TOOL" 1 "2020-05-07" "tool"`},
		{name: "no Enver", opts: []docs.Option{built("2020-05-06T07:08:09Z")},
			wantTH: `.TH "TOOL" 1 "2020-05-06" "tool"`},
		{name: "a bad build time is no date", opts: []docs.Option{built("soon")},
			wantTH: `.TH "TOOL" 1 "" "tool"`},
		{name: "no build info", opts: []docs.Option{docs.BuildInfo(noBuild)},
			wantTH: `.TH "TOOL" 1 "" "tool"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var src docs.HelpSource = source{"": {Path: []string{"tool"}}}
			if tt.env != nil {
				src = envSource{source: src.(source), env: tt.env}
			}
			pages, err := docs.Render(context.Background(), src, docs.Man, tt.opts...)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Render: %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			th := strings.Split(string(pages[0].Text), "\n")[1]
			if diff := cmp.Diff(tt.wantTH, th); diff != "" {
				t.Errorf(".TH (-want +got):\n%s", diff)
			}
		})
	}
}

// badSource answers with fn.
type badSource func(path []string) (plugprint.Help, error)

func (b badSource) HelpOf(_ context.Context, path []string) (plugprint.Help, error) { return b(path) }

var errBroken = errors.New("broken")

func TestRenderErrors(t *testing.T) {
	t.Parallel()
	tool := func(cmds ...string) plugprint.Help {
		h := plugprint.Help{Path: []string{"tool"}}
		for _, c := range cmds {
			h.Commands = append(h.Commands, plugprint.Command{Name: c})
		}
		return h
	}
	tests := []struct {
		name    string
		src     docs.HelpSource
		format  docs.Format
		wantErr error
		wantMsg string
	}{
		{name: "unknown format", src: source{"": tool()}, format: "pdf", wantErr: docs.ErrUnknownFormat,
			wantMsg: `unknown format "pdf" (want "man" or "markdown")`},
		{name: "the source fails", src: badSource(func([]string) (plugprint.Help, error) { return plugprint.Help{}, errBroken }),
			wantErr: errBroken, wantMsg: "reading the help of the tool: broken"},
		{name: "a command fails", src: source{"": tool("deploy")}, wantMsg: `reading the help of "deploy": unknown command "deploy"`},
		{name: "the source panics", src: badSource(func([]string) (plugprint.Help, error) { panic("boom") })},
		{name: "no tool name", src: source{"": {Path: []string{""}}}, wantErr: docs.ErrBadName, wantMsg: `name cannot name a file: ""`},
		{name: "a slash in a name", src: source{"": tool("a/b"), "a/b": {Path: []string{"tool", "a/b"}}}, wantErr: docs.ErrBadName},
		{name: "a control byte in a name", src: source{"": tool("a\x1b"), "a\x1b": {Path: []string{"tool", "a\x1b"}}}, wantErr: docs.ErrBadName,
			wantMsg: `name cannot name a file: "a\x1b"`},
		{name: "two pages, one file", src: source{
			"": tool("a-b", "a"), "a-b": {Path: []string{"tool", "a-b"}},
			"a": {Path: []string{"tool", "a"}, Commands: []plugprint.Command{{Name: "b"}}}, "a b": {Path: []string{"tool", "a", "b"}},
		}, wantErr: docs.ErrSameFile, wantMsg: `two pages would have the same file: "tool a-b" and "tool a b" both make "tool-a-b.1"`},
		{name: "the help of another command", src: source{"": tool("a"), "a": {Path: []string{"tool", "b"}}}, wantErr: docs.ErrBadHelp,
			wantMsg: `help of the wrong command: asked for "a", got "tool b"`},
		{name: "its own sub-command", src: badSource(func(path []string) (plugprint.Help, error) {
			return plugprint.Help{Path: append([]string{"tool"}, path...), Commands: []plugprint.Command{{Name: "again"}}}, nil
		}), wantErr: docs.ErrTooDeep},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			format := tt.format
			if format == "" {
				format = docs.Man
			}
			_, err := docs.Render(context.Background(), tt.src, format, day)
			if err == nil {
				t.Fatal("Render succeeded")
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("Render: %v, want one wrapping %v", err, tt.wantErr)
			}
			if tt.wantMsg != "" {
				if diff := cmp.Diff(tt.wantMsg, err.Error()); diff != "" {
					t.Errorf("error (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestRenderCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := docs.Render(ctx, model(), docs.Man, day); !errors.Is(err, context.Canceled) {
		t.Errorf("Render = %v, want context.Canceled", err)
	}
}

func TestWrite(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "share", "man1")
	ctx := context.Background()
	if err := docs.Write(ctx, model(), docs.Man, dir, day); err != nil {
		t.Fatal(err)
	}
	pages, err := docs.Render(ctx, model(), docs.Man, day)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(pages) {
		t.Errorf("%d files, want %d", len(entries), len(pages))
	}
	for _, p := range pages {
		got, err := os.ReadFile(filepath.Join(dir, p.File))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(p.Text), string(got)); diff != "" {
			t.Errorf("%s (-rendered +written):\n%s", p.File, diff)
		}
	}
}
