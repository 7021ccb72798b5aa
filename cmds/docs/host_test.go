package docs_test

import (
	"context"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/cmds/docs"
	"github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugflag"
)

// command is a test command with every optional part a page shows.
type command struct {
	name, desc, long, examples, group, args string
	aliases                                 []string
	flags                                   func(fs *flag.FlagSet)
	subs, scope                             []plugins.Plugin
}

func (c *command) Name() string                         { return c.name }
func (c *command) Main(context.Context, []string) error { return nil }
func (c *command) Description() string                  { return c.desc }
func (c *command) LongDescription() string              { return c.long }
func (c *command) CmdExamples() string                  { return c.examples }
func (c *command) CmdGroup() string                     { return c.group }
func (c *command) CmdAliases() []string                 { return c.aliases }
func (c *command) ArgsUsage() string                    { return c.args }
func (c *command) ScopedPlugins() []plugins.Plugin      { return c.scope }
func (c *command) SubCommands() []plugins.Plugin        { return c.subs }
func (c *command) Flags() *flag.FlagSet                 { return c.flagSet() }
func (c *command) flagSet() *flag.FlagSet               { return newFlags(c.name, c.flags) }
func newFlags(name string, declare func(*flag.FlagSet)) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if declare != nil {
		declare(fs)
	}
	return fs
}

// hidden is a command help does not list.
type hidden struct{ command }

func (hidden) HidePlugin() {}

// globals declares the tool's global flags.
type globals struct {
	debug  bool
	config string
}

func (g *globals) Name() string { return "globals" }
func (g *globals) GlobalFlags() *flag.FlagSet {
	return newFlags("globals", func(fs *flag.FlagSet) {
		fs.BoolVar(&g.debug, "debug", false, "print what happens")
		fs.BoolVar(&g.debug, "D", false, "print what happens")
		fs.StringVar(&g.config, "config", "", "read flags from `file` too")
	})
}

// epoch is 2024-01-02 in seconds.
const epoch = "1704153600"

// newTool builds a tool on cli.New, with commands of every shape, reading
// flags from the environment, SOURCE_DATE_EPOCH set in it.
func newTool() *cli.Host {
	var (
		env, app, token, region, dsn string
		force, watch                 bool
		verbose                      int
		tags                         []string
		timeout                      time.Duration
	)
	aws := &testhelpers.Lender{N: "cloud/aws", FlagsFn: func() *flag.FlagSet {
		return newFlags("aws", func(fs *flag.FlagSet) {
			fs.StringVar(&region, "region", "eu-west-1", "the AWS region")
		})
	}}
	deploy := &command{
		name: "deploy", desc: "ship the app", args: "APP [ENV]", aliases: []string{"ship"},
		long: "Deploy builds APP and ships it to ENV.\n\n" +
			"A line that starts with a dot:\n.TH and <b>HTML</b> [a](javascript:x) stay text.",
		examples: "  shipit deploy web\n  shipit deploy --env prod api",
		scope:    []plugins.Plugin{aws},
		flags: func(fs *flag.FlagSet) {
			fs.Var(plugflag.OneOf(&env, "dev", "staging", "prod"), "env", "where to deploy")
			fs.Var(plugflag.Required(plugflag.String(&app)), "app", "the app")
			fs.Var(plugflag.Secret(plugflag.String(&token)), "token", "the API token")
			fs.Var(plugflag.Negatable(plugflag.Bool(&force)), "force", "deploy even when checks fail")
			fs.Var(plugflag.Count(&verbose), "verbose", "say more")
			fs.Var(plugflag.Count(&verbose), "v", "say more")
			fs.Var(plugflag.Strings(&tags), "tag", "tag the release")
			fs.DurationVar(&timeout, "timeout", 30*time.Second, "give up after")
			fs.Var(plugflag.Hidden(plugflag.String(&env)), "secret-env", "not listed")
		},
		subs: []plugins.Plugin{
			&command{name: "status", desc: "show what is deployed", args: "", flags: func(fs *flag.FlagSet) {
				fs.BoolVar(&watch, "watch", false, "keep watching")
			}},
			&command{name: "rollback", desc: "undo the last deploy", group: "Danger zone", args: "[VERSION]"},
		},
	}
	db := &command{
		name: "db", desc: "work with the database", group: "Data commands",
		flags: func(fs *flag.FlagSet) { fs.StringVar(&dsn, "dsn", "postgres://localhost/app", "the database") },
		subs:  []plugins.Plugin{&command{name: "migrate", desc: "migrate the database", args: ""}},
	}
	h := cli.New("shipit")
	h.About = "ship apps to the cloud"
	h.EnvPrefix = "SHIPIT"
	h.LookupEnv = func(k string) (string, bool) {
		v, ok := map[string]string{"SOURCE_DATE_EPOCH": epoch}[k]
		return v, ok
	}
	h.Plugins = append([]plugins.Plugin{
		deploy, db,
		&hidden{command{name: "internal", desc: "never documented"}},
		&globals{},
		&docs.Cmd{ConfigFiles: []string{".shipit.json"}},
	}, h.Plugins...)
	return h
}

func TestHost(t *testing.T) {
	t.Parallel()
	tests := []struct {
		format docs.Format
		dir    string
		files  []string
	}{
		{format: docs.Man, dir: "host/man", files: []string{
			"shipit.1", "shipit-db.1", "shipit-db-migrate.1", "shipit-deploy.1", "shipit-deploy-rollback.1",
			"shipit-deploy-status.1", "shipit-help.1", "shipit-plugins.1", "shipit-version.1",
		}},
		{format: docs.Markdown, dir: "host/markdown", files: []string{
			"shipit.md", "shipit_db.md", "shipit_db_migrate.md", "shipit_deploy.md", "shipit_deploy_rollback.md",
			"shipit_deploy_status.md", "shipit_help.md", "shipit_plugins.md", "shipit_version.md",
		}},
	}
	for _, tt := range tests {
		t.Run(string(tt.format), func(t *testing.T) {
			t.Parallel()
			pages, err := docs.Render(context.Background(), newTool(), tt.format, docs.ConfigFiles(".shipit.json"))
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

// TestCmd runs the docs command in the tool: it writes what Render
// renders, dated by the host's SOURCE_DATE_EPOCH.
func TestCmd(t *testing.T) {
	t.Parallel()
	for _, f := range []docs.Format{docs.Man, docs.Markdown} {
		t.Run(string(f), func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), "out")
			if err := newTool().Main(context.Background(), []string{"docs", string(f), dir}); err != nil {
				t.Fatal(err)
			}
			pages, err := docs.Render(context.Background(), newTool(), f, docs.ConfigFiles(".shipit.json"))
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
		})
	}
}

func TestCmdUsage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantMsg  string // a part of the error
	}{
		{name: "unknown format", args: []string{"docs", "pdf", "out"}, wantCode: 2, wantMsg: `unknown format "pdf" (want "man" or "markdown")`},
		{name: "no directory", args: []string{"docs", "man"}, wantCode: 2},
		{name: "too many", args: []string{"docs", "man", "a", "b"}, wantCode: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := newTool().Main(context.Background(), tt.args)
			if got := cli.ExitCode(err); got != tt.wantCode {
				t.Errorf("exit code %d (%v), want %d", got, err, tt.wantCode)
			}
			if err != nil && !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("error %q does not say %q", err, tt.wantMsg)
			}
		})
	}
}

// TestCmdIsHidden checks that the tool's help does not list the command,
// and that its own help still shows.
func TestCmdIsHidden(t *testing.T) {
	t.Parallel()
	h := newTool()
	top, err := h.HelpOf(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range top.Commands {
		if c.Name == "docs" || c.Name == "internal" {
			t.Errorf("help lists %q", c.Name)
		}
	}
	own, err := newTool().HelpOf(context.Background(), []string{"docs"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("FORMAT DIR", own.Args); diff != "" {
		t.Errorf("args (-want +got):\n%s", diff)
	}
}

func TestCmdWithoutHost(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		host    plugins.Command
		args    []string
		wantErr error
	}{
		{name: "no host", args: []string{"man", "out"}, wantErr: docs.ErrNoHost},
		{name: "a host that is no HelpSource", host: &command{name: "tool"}, args: []string{"man", "out"}, wantErr: docs.ErrNoHost},
		{name: "one argument", args: []string{"man"}, wantErr: plugins.ErrUsage},
		{name: "unknown format", args: []string{"pdf", "out"}, wantErr: docs.ErrUnknownFormat},
		{name: "unknown format is a usage error", args: []string{"pdf", "out"}, wantErr: plugins.ErrUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := &docs.Cmd{}
			if tt.host != nil {
				c.WithHost(tt.host)
			}
			if err := c.Main(context.Background(), tt.args); !errors.Is(err, tt.wantErr) {
				t.Errorf("Main = %v, want one wrapping %v", err, tt.wantErr)
			}
		})
	}
}

func TestCmdCompletesFormats(t *testing.T) {
	t.Parallel()
	var c plugins.ArgsCompleter = &docs.Cmd{}
	got := c.CompleteArgs(context.Background(), nil, "")
	if diff := cmp.Diff([]string{"man\tmanual pages", "markdown\tMarkdown pages"}, got); diff != "" {
		t.Errorf("CompleteArgs (-want +got):\n%s", diff)
	}
	if got := c.CompleteArgs(context.Background(), []string{"man"}, ""); got != nil {
		t.Errorf("CompleteArgs for DIR = %q, want none", got)
	}
}
