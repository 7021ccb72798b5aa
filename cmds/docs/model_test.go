package docs_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/plughost/plughost/plugins/plugflag"
	"github.com/plughost/plughost/plugins/plugprint"
)

// source is a HelpSource made by hand: the help of each command path,
// keyed by its names joined by spaces ("" for the tool).
type source map[string]plugprint.Help

func (s source) HelpOf(_ context.Context, path []string) (plugprint.Help, error) {
	h, ok := s[strings.Join(path, " ")]
	if !ok {
		return plugprint.Help{}, fmt.Errorf("unknown command %q", strings.Join(path, " "))
	}
	return h, nil
}

// envSource is a source whose environment is env.
type envSource struct {
	source
	env map[string]string
}

func (s envSource) Env(key string) (string, bool) {
	v, ok := s.env[key]
	return v, ok
}

// value is a flag.Value: a flag that has one is a plugin's, which config
// files and the environment set.
type value struct{}

func (value) String() string   { return "" }
func (value) Set(string) error { return nil }

// Hostile text: what a plugin could write to break out of a page.
const (
	hostileLong = "The first line of the first paragraph,\n" +
		".TH injected 9\n" +
		"'br with a quote\n" +
		"a \\fBbold\\fR escape, a \\\\ backslash and a trailing one \\\n" +
		"\n" +
		"<script>alert(1)</script> [x](javascript:alert(1)) ![img](x.png) <http://evil>\n" +
		"*em* _em_ `code` ~~del~~ $math$ {expr} &#x202e; a | b\n" +
		"- not a list\n" +
		"+ not a list\n" +
		"1. not a list\n" +
		"2) not a list\n" +
		"# not a heading\n" +
		"=== not an underline\n" +
		"--- not a rule\n" +
		"> not a quote\n" +
		"see www.example.com and https://example.com\n" +
		"\n\n" +
		"    indented, shown as it is:\n" +
		"    .SH INJECTED\n" +
		"\t'tab-indented\n" +
		"    ```\n" +
		"\n" +
		"escapes: \x1b[31mred\x1b[0m \x1b]0;title\a bidi \u202eevil\u202c invalid \xff\xfe nul \x00 " +
		"separator \u2028 end\r\n" +
		"unicode kept: héllo 世界 🙂\n"
	hostileExamples = "  tool deploy web\n" +
		"  .TH example\n" +
		"  'quoted\n" +
		"\n" +
		"  tool deploy --env prod \\\n" +
		"      api    # \x1b[2J\n"
)

// model is a tool of every shape: groups, sub-commands two deep, aliases,
// every kind of flag, lent, inherited and global flags, and hostile text
// in every field a plugin writes.
func model() source {
	global := []plugflag.Flag{
		{Name: "debug", Shorthand: "D", Usage: "print what happens", Default: "false", Value: value{}, Plugin: "debug", Env: "TOOL_DEBUG"},
		{Name: "config", Type: "string", Usage: "read flags from `file`", Value: value{}, Plugin: "config", Env: "TOOL_CONFIG"},
	}
	help := plugflag.Flag{Name: "help", Shorthand: "h", Usage: "show help"}
	version := plugflag.Flag{Name: "version", Usage: "print the version"}
	deployOwn := []plugflag.Flag{
		{Name: "app", Type: "string", Usage: "the app to deploy", Required: true, Value: value{}, Plugin: "deploy", Env: "TOOL_APP"},
		{Name: "color", Usage: "color the output", Default: "true", Negatable: true, Value: value{}, Plugin: "deploy", Env: "TOOL_COLOR"},
		{Name: "env", Shorthand: "e", Type: "string", Usage: "where to deploy", Default: "dev", Choices: []string{"dev", "prod", "'q", "a\\b"}, Value: value{}, Plugin: "deploy", Env: "TOOL_ENV"},
		{Name: "hidden", Type: "string", Usage: "never listed", Hidden: true, Value: value{}, Plugin: "deploy"},
		{Name: "old", Type: "string", Usage: "never listed", Deprecated: "use --env", Value: value{}, Plugin: "deploy"},
		{Name: "tag", Type: "string...", Usage: "tag the release (repeat)", Default: "[]", Value: value{}, Plugin: "deploy", Env: "TOOL_TAG"},
		{Name: "timeout", Type: "duration", Usage: "give up after", Default: "30s", Value: value{}, Plugin: "deploy", Env: "TOOL_TIMEOUT"},
		{Name: "token", Type: "string", Usage: "the API token", Default: "hunter2", Secret: true, Value: value{}, Plugin: "deploy", Env: "TOOL_TOKEN"},
		{Name: "verbose", Shorthand: "v", Type: "count", Usage: "say more (-vvv)", Default: "0", Value: value{}, Plugin: "deploy", Env: "TOOL_VERBOSE"},
		{Name: "weird", Type: "string", Usage: ".TH usage\n\\fB<b>[x](javascript:1)", Default: "\"\\fB\x1b[2J\n`tick`", Value: value{}, Plugin: "deploy", Env: "TOOL_WEIRD"},
		help,
	}
	lent := []plugflag.Flag{
		{Name: "aws-region", Type: "string", Usage: "the AWS region", Default: "eu-west-1", Value: value{}, Plugin: "cloud/aws", Lent: true, Env: "TOOL_AWS_REGION"},
		{Name: "notify-to", Type: "string", Usage: "who to tell", Value: value{}, Plugin: "notify", Lent: true, Env: "TOOL_NOTIFY_TO"},
	}
	return source{
		"": {
			Path:        []string{"tool"},
			Description: "a tool for <b>tests</b> - and \\fBbold\\fR",
			Flags:       append([]plugflag.Flag{help, version}, global...),
			Commands: []plugprint.Command{
				{Name: "[x](#top)", Description: "<script>alert(1)</script>"},
				{Name: "db", Description: "work with the database", Group: "Data commands"},
				{Name: "deploy", Aliases: []string{"dep", "d"}, Description: ".TH injected"},
			},
			HelpCommand: true,
		},
		"[x](#top)": {
			Path:        []string{"tool", "[x](#top)"},
			Description: "<script>alert(1)</script>",
			Args:        "[arguments]",
			Flags:       []plugflag.Flag{help},
			Global:      global,
			Runnable:    true,
			HelpCommand: true,
		},
		"db": {
			Path:        []string{"tool", "db"},
			Description: "work with the database",
			Flags: []plugflag.Flag{
				{Name: "dsn", Type: "string", Usage: "the database", Default: "postgres://localhost/db", Value: value{}, Plugin: "data/db", Env: "TOOL_DSN"},
				help,
			},
			Global:      global,
			Commands:    []plugprint.Command{{Name: "migrate", Description: "migrate the database"}},
			HelpCommand: true,
		},
		"db migrate": {
			Path:        []string{"tool", "db", "migrate"},
			Description: "migrate the database",
			Flags:       []plugflag.Flag{help},
			Inherited: []plugflag.Flag{
				{Name: "dsn", Type: "string", Usage: "the database", Default: "postgres://localhost/db", Value: value{}, Plugin: "data/db", Env: "TOOL_DSN"},
			},
			Global:      global,
			Args:        "",
			Runnable:    true,
			HelpCommand: true,
		},
		"deploy": {
			Path:        []string{"tool", "deploy"},
			Description: ".TH injected",
			Long:        hostileLong,
			Args:        "APP [ENV]",
			Examples:    hostileExamples,
			Aliases:     []string{"dep", "d"},
			Flags:       deployOwn,
			Lent:        lent,
			Global:      global,
			Commands: []plugprint.Command{
				{Name: "rollback", Description: "undo \x1b]0;title\a the last deploy", Group: "Danger zone"},
				{Name: "status", Aliases: []string{"st"}, Description: "'show the status"},
			},
			Runnable:    true,
			HelpCommand: true,
		},
		"deploy rollback": {
			Path:  []string{"tool", "deploy", "rollback"},
			Flags: []plugflag.Flag{help},
			Inherited: append(deployOwn[:len(deployOwn)-1:len(deployOwn)-1],
				lent...),
			Global:      global,
			Args:        "[arguments]",
			Runnable:    true,
			HelpCommand: true,
		},
		"deploy status": {
			Path:        []string{"tool", "deploy", "status"},
			Description: "'show the status",
			Flags: []plugflag.Flag{
				{Name: "watch", Shorthand: "w", Usage: "keep watching", Default: "false", Value: value{}, Plugin: "deploy/status", Env: "TOOL_WATCH"},
				help,
			},
			Inherited: []plugflag.Flag{
				deployOwn[2], // --env
				{Name: "gone", Type: "string", Usage: "declared by no command above", Value: value{}, Plugin: "elsewhere"},
			},
			Global:      global,
			Args:        "",
			Runnable:    true,
			HelpCommand: true,
		},
	}
}
