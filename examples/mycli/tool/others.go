package tool

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/plughost/plughost/plugins"
)

// Decorator changes a greeting after it is made. Greet scopes every
// Decorator, so a Decorator with flags lends them to greet.
type Decorator interface {
	plugins.Plugin
	Decorate(msg string) string
}

// Emoji is not a command: it lends greet the flag --emoji-name, prefixed
// with its own name, and the parsed value lands in its own field.
type Emoji struct {
	Emoji string // lent to greet as --emoji-name
}

func (e *Emoji) Name() string { return "emoji" }
func (e *Emoji) Description() string {
	return "adds an emoji to greetings (a plugin lending greet the --emoji-name flag)"
}
func (e *Emoji) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet(e.Name(), flag.ContinueOnError)
	fs.StringVar(&e.Emoji, "name", e.Emoji, "add an emoji: wave, star or none")
	return fs
}
func (e *Emoji) Decorate(msg string) string {
	switch e.Emoji {
	case "wave":
		return msg + " 👋"
	case "star":
		return msg + " ⭐"
	}
	return msg
}

// Welcome calls another plugin from code: it finds the greet command among
// the tool's plugins and runs a copy of it with its exported fields set as
// flags would set them. Working on a copy leaves greet itself as it was
// for anything that runs after welcome.
type Welcome struct {
	plugs plugins.PluginFeeder
}

func (w *Welcome) Name() string                        { return "welcome" }
func (w *Welcome) WithPlugins(fn plugins.PluginFeeder) { w.plugs = fn }
func (w *Welcome) Description() string {
	return "welcome new people formally (calls greet from code through its fields)"
}
func (w *Welcome) Main(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("want the names of the people to welcome")
	}
	for _, g := range plugins.Select[*Greet](w.plugs.Plugins()) {
		formal := *g
		formal.Greeter, formal.Shout = "formal", false
		return formal.Main(ctx, args)
	}
	return fmt.Errorf("no greet command to welcome with")
}

// Version overrides the built-in version command: it is prepended, so it
// answers to "version" first.
type Version struct {
	plugins.Streams
}

func (v *Version) Name() string { return "mycli/version" }
func (v *Version) Description() string {
	return "print mycli's version (a prepended plugin overriding the built-in)"
}
func (v *Version) Main(ctx context.Context, args []string) error {
	_, err := fmt.Fprintln(v.Stdout(), "mycli 1.0.0 (the example's own version command)")
	return err
}

// Sleep is hidden: it runs when named but no help lists it. It waits, so
// that Ctrl-C can be tried: the host cancels the context and mycli exits
// 130. With --stubborn it ignores the first Ctrl-C, and the second makes
// mycli exit at once.
type Sleep struct {
	For      time.Duration // --for
	Stubborn bool          // --stubborn

	plugins.Streams
}

func (s *Sleep) Name() string { return "sleep" }
func (s *Sleep) HidePlugin()  {}
func (s *Sleep) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet(s.Name(), flag.ContinueOnError)
	fs.DurationVar(&s.For, "for", s.For, "how long to sleep")
	fs.BoolVar(&s.Stubborn, "stubborn", s.Stubborn, "ignore the first interrupt")
	return fs
}
func (s *Sleep) Main(ctx context.Context, args []string) error {
	if _, err := fmt.Fprintf(s.Stdout(), "sleeping %s\n", s.For); err != nil {
		return err
	}
	done := ctx.Done()
	if s.Stubborn {
		done = nil
	}
	select {
	case <-done:
		return ctx.Err()
	case <-time.After(s.For):
		return nil
	}
}
