package docs

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/plugins/plugflag"
	"github.com/plughost/plughost/plugins/plugprint"
)

// Format is a kind of page: Man or Markdown.
type Format string

// The formats Render and Write know.
const (
	// Man is a manual page in roff, section 1, written with the man(7)
	// macros: tool.1, tool-deploy.1, tool-deploy-status.1.
	Man Format = "man"
	// Markdown is a CommonMark page, linked to its parent's and its
	// sub-commands' pages: tool.md, tool_deploy.md, tool_deploy_status.md.
	Markdown Format = "markdown"
)

// MaxDepth is how many command names deep Render goes below the tool.
const MaxDepth = 32

// Page is one rendered page.
type Page struct {
	// Path is the command path the page documents, the tool's name first:
	// ["tool", "deploy", "status"].
	Path []string
	// File is the page's file name: "tool-deploy-status.1" for Man,
	// "tool_deploy_status.md" for Markdown.
	File string
	// Text is the page itself.
	Text []byte
}

// Option changes what Render and Write produce.
type Option func(*settings)

type settings struct {
	date      *time.Time // nil: from SOURCE_DATE_EPOCH or the build
	buildInfo func() (*debug.BuildInfo, bool)
	files     []string
	noKeys    bool
}

// Date dates every manual page t (its day, in UTC), in place of
// SOURCE_DATE_EPOCH and the build's time; the zero time means no date.
// Markdown pages carry no date.
func Date(t time.Time) Option {
	return func(s *settings) { s.date = &t }
}

// BuildInfo sets where the build's time comes from, when the source gives
// no SOURCE_DATE_EPOCH: the vcs.time setting of what read returns. Without
// it, runtime/debug.ReadBuildInfo.
func BuildInfo(read func() (*debug.BuildInfo, bool)) Option {
	return func(s *settings) { s.buildInfo = read }
}

// ConfigFiles names the config files the tool reads flags from, most
// specific first, as the host's ConfigFiles does; every page lists them
// under FILES.
func ConfigFiles(files ...string) Option {
	files = slices.Clone(files)
	return func(s *settings) { s.files = files }
}

// NoConfigKeys leaves out the config file key of each flag, for a tool
// that reads no config files. Without it, each flag a plugin declares says
// the key that sets it: its name, in the section named after the command
// path (the top level, for a global flag).
func NoConfigKeys() Option {
	return func(s *settings) { s.noKeys = true }
}

// Write renders the pages of the tool src describes, as Render does, and
// writes each to a file of its own in dir, which it creates if need be.
// Files already in dir are overwritten; a page for a command that no
// longer exists is not removed.
func Write(ctx context.Context, src HelpSource, format Format, dir string, opts ...Option) error {
	pages, err := Render(ctx, src, format, opts...)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, p := range pages {
		if err := os.WriteFile(filepath.Join(dir, p.File), p.Text, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Render renders one page per command path of the tool src describes: the
// tool itself, every command and every sub-command, to any depth, hidden
// ones left out, in the order of the help listings, depth first. Each page
// says what the command's help says (usage, description, examples,
// aliases, sub-commands, and every flag with its type, default, choices,
// environment variable and config file key) and the tool's exit codes.
//
// Whatever a plugin wrote is escaped for the format: it cannot add a
// macro, an escape, a link or HTML to a page, nor reach a terminal raw.
// Two renders of the same tool with the same date are the same bytes.
//
// A manual page is dated, in order: by the Date option; by the source's
// SOURCE_DATE_EPOCH, when it is an Enver; by the time of the version
// control revision the binary was built from (runtime/debug); or not at
// all. A SOURCE_DATE_EPOCH that is set but not a whole number of seconds
// is an error wrapping ErrBadDate.
//
// Every call into src runs under the fault recorder of ctx, if any, so
// that a panic in it is an error naming it rather than a crash. A nil src
// is ErrNoHost.
func Render(ctx context.Context, src HelpSource, format Format, opts ...Option) ([]Page, error) {
	if format != Man && format != Markdown {
		return nil, fmt.Errorf("%w %q (want %q or %q)", ErrUnknownFormat, format, Man, Markdown)
	}
	if src == nil {
		return nil, ErrNoHost
	}
	if ctx == nil {
		ctx = context.Background()
	}
	var s settings
	for _, o := range opts {
		if o != nil {
			o(&s)
		}
	}
	w := &walk{ctx: ctx, src: src, rec: fault.RecorderOf(ctx), format: format, s: &s, files: map[string][]string{}}
	if format == Man {
		date, err := w.date()
		if err != nil {
			return nil, err
		}
		w.day = date
	}
	if err := w.visit(nil); err != nil {
		return nil, err
	}
	return w.pages, nil
}

// walk is one Render: it visits every command path and renders its page.
type walk struct {
	ctx    context.Context
	src    HelpSource
	rec    fault.Recorder
	format Format
	s      *settings
	day    string // the date of the manual pages, "" for none

	above []plugprint.Help    // the help of each command above the one visited
	files map[string][]string // file name: the path that has it
	pages []Page
}

// visit renders the page of the command at path (without the tool's name)
// and then those below it.
func (w *walk) visit(path []string) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	if len(path) > MaxDepth {
		return fmt.Errorf("%w: %q is more than %d commands deep", ErrTooDeep, strings.Join(path, " "), MaxDepth)
	}
	h, err := w.helpOf(path)
	if err != nil {
		return err
	}
	p := &page{Help: h, format: w.format, s: w.s, day: w.day}
	if p.file, err = fileName(w.format, h.Path); err != nil {
		return err
	}
	if other, ok := w.files[p.file]; ok {
		return fmt.Errorf("%w: %q and %q both make %q", ErrSameFile,
			strings.Join(other, " "), strings.Join(h.Path, " "), p.file)
	}
	w.files[p.file] = h.Path
	if len(w.above) > 0 {
		p.parent = &w.above[len(w.above)-1]
	}
	// A flag of the command's own is not inherited too, whatever the
	// source says: the help of a command with sub-commands may list its
	// own flags among those it inherits.
	p.Inherited = slices.DeleteFunc(slices.Clone(h.Inherited), func(f plugflag.Flag) bool {
		return declares(h, f)
	})
	p.inherited = make([]where, len(p.Inherited))
	for i, f := range p.Inherited {
		p.inherited[i] = declaredAt(w.above, f)
	}
	var buf bytes.Buffer
	if w.format == Man {
		p.man(&buf)
	} else {
		p.markdown(&buf)
	}
	w.pages = append(w.pages, Page{Path: slices.Clone(h.Path), File: p.file, Text: buf.Bytes()})

	w.above = append(w.above, h)
	defer func() { w.above = w.above[:len(w.above)-1] }()
	for _, c := range h.Commands {
		if err := w.visit(append(slices.Clip(path), c.Name)); err != nil {
			return err
		}
	}
	return nil
}

// helpOf asks the source for the help of path, under the fault recorder,
// and checks that it is the help of that path.
func (w *walk) helpOf(path []string) (plugprint.Help, error) {
	var h plugprint.Help
	site := fault.Site{Plugin: w.src, Method: "HelpOf"}
	err := fault.Call(w.rec, &site, func() error {
		var err error
		h, err = w.src.HelpOf(w.ctx, slices.Clone(path))
		return err
	})
	what := "the tool"
	if len(path) > 0 {
		what = fmt.Sprintf("%q", strings.Join(path, " "))
	}
	if err != nil {
		return h, fmt.Errorf("reading the help of %s: %w", what, err)
	}
	if len(h.Path) != len(path)+1 || !slices.Equal(h.Path[1:], path) {
		return h, fmt.Errorf("%w: asked for %s, got %q", ErrBadHelp, what, strings.Join(h.Path, " "))
	}
	return h, nil
}

// fileName is the file of the page of path, the tool's name first.
func fileName(format Format, path []string) (string, error) {
	for _, name := range path {
		if name == "" || strings.ContainsAny(name, `/\`) || plugprint.Line(name) != name {
			return "", fmt.Errorf("%w: %q", ErrBadName, name)
		}
	}
	if format == Man {
		return strings.Join(path, "-") + ".1", nil
	}
	return strings.Join(path, "_") + ".md", nil
}

// where is the config file section a flag is set in.
type where struct {
	section string // the command path, its names joined by spaces; "" the top level
	known   bool
}

// declaredAt finds where an inherited flag is set in a config file: in
// the section of the nearest command above that declares it, as its own
// flag or one lent to it.
func declaredAt(above []plugprint.Help, f plugflag.Flag) where {
	for i := len(above) - 1; i >= 1; i-- {
		if declares(above[i], f) {
			return where{section: strings.Join(above[i].Path[1:], " "), known: true}
		}
	}
	return where{}
}

// declares reports whether f is among the own or lent flags of h: the same
// name, declared by the same plugin.
func declares(h plugprint.Help, f plugflag.Flag) bool {
	for _, own := range [][]plugflag.Flag{h.Flags, h.Lent} {
		for _, g := range own {
			if g.Name == f.Name && g.Plugin == f.Plugin {
				return true
			}
		}
	}
	return false
}
