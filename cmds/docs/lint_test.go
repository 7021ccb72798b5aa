package docs_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/plughost/plughost/cmds/docs"
	"github.com/plughost/plughost/plugins/plugprint"
)

// need returns the path of a program the test runs, and skips the test
// without it, unless the environment variable CI is "true": CI installs
// mandoc and groff (.ci/run), so there a missing one fails the test.
func need(t *testing.T, program string) string {
	t.Helper()
	path, err := exec.LookPath(program)
	if err == nil {
		return path
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not installed; CI installs it in .ci/run", program)
	}
	t.Skipf("%s is not installed", program)
	return ""
}

// lintPages renders the manual pages of both test tools into a directory
// and returns their paths.
func lintPages(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	// Pages that leave parts out: no description, a code block first.
	sparse := source{
		"": {Path: []string{"sparse"}, Long: "text\n\n    code", Commands: []plugprint.Command{
			{Name: "a", Group: "G"}, {Name: "b"}, {Name: "c"},
		}},
		"a": {Path: []string{"sparse", "a"}, Aliases: []string{"x"}},
		"b": {Path: []string{"sparse", "b"}, Long: "    code first\n\ntext"},
		"c": {Path: []string{"sparse", "c"}},
	}
	for i, src := range []docs.HelpSource{model(), newTool(), sparse} {
		sub := filepath.Join(dir, []string{"model", "host", "sparse"}[i])
		if err := docs.Write(context.Background(), src, docs.Man, sub, day, docs.ConfigFiles(".tool.json")); err != nil {
			t.Fatal(err)
		}
	}
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.1"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no pages (%v)", err)
	}
	return files
}

// TestMandocLint checks every manual page with mandoc's linter: no
// warning, no error.
func TestMandocLint(t *testing.T) {
	t.Parallel()
	mandoc := need(t, "mandoc")
	for _, f := range lintPages(t) {
		out, err := exec.Command(mandoc, "-T", "lint", "-W", "warning", f).CombinedOutput()
		if err != nil || len(out) > 0 {
			t.Errorf("mandoc -T lint -W warning %s: %v\n%s", filepath.Base(f), err, out)
		}
	}
}

// TestGroff checks every manual page with groff's warnings all on. The
// page is formatted for a UTF-8 terminal, as man does in a UTF-8 locale:
// the default PostScript device has no glyph for much of Unicode.
func TestGroff(t *testing.T) {
	t.Parallel()
	groff := need(t, "groff")
	for _, f := range lintPages(t) {
		out, err := exec.Command(groff, "-Tutf8", "-man", "-ww", "-z", f).CombinedOutput()
		if err != nil || len(out) > 0 {
			t.Errorf("groff -Tutf8 -man -ww -z %s: %v\n%s", filepath.Base(f), err, out)
		}
	}
}

// TestWhatis checks that man-db's parser of NAME sections, which mandb
// builds the whatis database with, reads "name - description" from every
// page. man-db is not installed in CI, so the test skips without it.
func TestWhatis(t *testing.T) {
	t.Parallel()
	lexgrog, err := exec.LookPath("lexgrog")
	if err != nil {
		t.Skip("lexgrog (man-db) is not installed")
	}
	for _, f := range lintPages(t) {
		out, err := exec.Command(lexgrog, f).CombinedOutput()
		name := strings.TrimSuffix(filepath.Base(f), ".1")
		want := regexp.MustCompile(`^` + regexp.QuoteMeta(f) + `: "` + regexp.QuoteMeta(name) + ` - [^\n]+"\n$`)
		if err != nil || !want.Match(out) {
			t.Errorf("lexgrog %s: %v\n%s", filepath.Base(f), err, out)
		}
	}
}

// TestMarkdownHTML renders every Markdown page to HTML as GitHub does
// (cmark-gfm, with its extensions) and checks that the only links are the
// pages' own and that no HTML a plugin wrote survives. cmark-gfm is not
// installed in CI, so the test skips without it.
func TestMarkdownHTML(t *testing.T) {
	t.Parallel()
	cmark, err := exec.LookPath("cmark-gfm")
	if err != nil {
		t.Skip("cmark-gfm is not installed")
	}
	allowed := regexp.MustCompile(`^(</?(h[123]|p|ul|li|code|pre|a)|<br /|<a href="\./[^"/:]+\.md")>$`)
	tag := regexp.MustCompile(`<[^>]*>`)
	for _, src := range []docs.HelpSource{model(), newTool()} {
		pages, err := docs.Render(context.Background(), src, docs.Markdown)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			cmd := exec.Command(cmark, "-e", "autolink", "-e", "table", "-e", "strikethrough", "-e", "tasklist", "-e", "tagfilter")
			cmd.Stdin = bytes.NewReader(p.Text)
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("cmark-gfm %s: %v", p.File, err)
			}
			for _, m := range tag.FindAllString(string(out), -1) {
				if !allowed.MatchString(m) {
					t.Errorf("%s: HTML has %s", p.File, m)
				}
			}
		}
	}
}
