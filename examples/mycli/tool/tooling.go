package tool

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugflag"
)

// Debug is not a command: it gives the whole tool the global flag --debug
// (a GlobalFlagger), accepted before or after any command name, and hooks
// every run (a BeforeRunner and AfterRunner) to report it on stderr when
// the flag is given.
type Debug struct {
	On bool // --debug
	plugins.Streams
	start time.Time
}

func (d *Debug) Name() string { return "debug" }

func (d *Debug) GlobalFlags() *flag.FlagSet {
	fs := flag.NewFlagSet(d.Name(), flag.ContinueOnError)
	fs.BoolVar(&d.On, "debug", d.On, "report each run on stderr (a global flag, and a hook, from the debug plugin)")
	return fs
}

func (d *Debug) BeforeRun(ctx context.Context, path, args []string) error {
	d.start = time.Now()
	if d.On {
		_, err := fmt.Fprintf(d.Stderr(), "debug: running %s with %q\n", strings.Join(path, " "), args)
		return err
	}
	return nil
}

func (d *Debug) AfterRun(ctx context.Context, path, args []string, err error) error {
	if !d.On {
		return nil
	}
	result := "ok"
	if err != nil {
		result = err.Error()
	}
	_, werr := fmt.Fprintf(d.Stderr(), "debug: %s: %s\n", strings.Join(path, " "), result)
	return werr
}

// Echo parses its own arguments, as a command that hands them to another
// program does: the host gives its Main every argument after its name,
// flags and -h included.
type Echo struct {
	plugins.Streams
}

func (e *Echo) Name() string { return "echo" }
func (e *Echo) PassArgs()    {}
func (e *Echo) Description() string {
	return "print its arguments as typed, one a line (a pass-through command: the host parses none of its flags)"
}

func (e *Echo) Main(ctx context.Context, args []string) error {
	for _, a := range args {
		if _, err := fmt.Fprintln(e.Stdout(), a); err != nil {
			return err
		}
	}
	return nil
}

// Remind has a required flag and a flag of fixed choices.
type Remind struct {
	Who  string // --who, required
	When string // --when: now, soon or later; newHost makes it soon
	plugins.Streams
}

func (r *Remind) Name() string { return "remind" }
func (r *Remind) Description() string {
	return "remind someone to say hello (a required flag, --who, and one of fixed choices, --when)"
}
func (r *Remind) ArgsUsage() string { return "" }

func (r *Remind) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet(r.Name(), flag.ContinueOnError)
	fs.Var(plugflag.Required(plugflag.String(&r.Who)), "who", "whom to remind")
	fs.Var(plugflag.OneOf(&r.When, "now", "soon", "later"), "when", "when to remind them")
	return fs
}

func (r *Remind) Main(ctx context.Context, args []string) error {
	_, err := fmt.Fprintf(r.Stdout(), "reminding %s to say hello %s\n", r.Who, r.When)
	return err
}
