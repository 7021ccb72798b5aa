package clitest

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/plugins"
)

// bound is how long Conform waits for one call into a plugin, and for the
// plugin's goroutines to end.
const bound = time.Second

// Conform checks that the plugins newPlugin returns behave as a host
// expects of every plugin, and reports each failure with t.Errorf naming
// the check. It calls newPlugin once, and checks:
//
//   - new: newPlugin returns a plugin that is not nil, without panicking.
//   - name: Name returns a name a user can type, the same each call: not
//     empty, no white space or control characters, valid UTF-8, not
//     starting with "-". So do CmdName, when not empty, and each of
//     CmdAliases.
//   - panic: fed as a host feeds it (streams that are buffers, a feeder, a
//     host, a sources function), the plugin survives a call of every
//     method of package plugins it implements: Name, CmdName, CmdAliases,
//     Description, LongDescription, CmdExamples, CmdGroup, ArgsUsage,
//     Flags, GlobalFlags, ScopedPlugins, SubCommands, and Main with a
//     cancelled context and no arguments. A panic or runtime.Goexit fails.
//   - zero value: the zero value of the plugin's type, fed the same way,
//     survives the same calls, when that type is an exported struct or a
//     pointer to one: what a user may write as &pkg.T{}. (An unexported
//     type, such as what plugins.Lend returns, is made only by its
//     constructor.)
//   - cancel: Main with a cancelled context returns, an error or nil,
//     within one second.
//   - fresh flags: Flags and GlobalFlags return a new *flag.FlagSet each
//     call (not the same pointer) declaring the same flags, with the same
//     usage and defaults.
//   - streams: nothing reaches os.Stdout or os.Stderr, which Conform
//     replaces with pipes while it calls the plugin: a plugin that prints
//     takes its streams from the host (embed plugins.Streams).
//   - flag.CommandLine: no flag declared on, or set in, the process's
//     flag set.
//   - goroutines: no goroutine that started while Conform called the
//     plugin still runs a second after the calls. Not checked when a call did
//     not return.
//
// Conform never calls Main with a context that is not cancelled: it
// cannot know what a command's work is, and does none of it. Run the
// command through Run for that. It checks the one plugin newPlugin
// returns: call it on each sub-command's constructor too.
//
// Because it replaces os.Stdout and os.Stderr and watches goroutines,
// Conform must not run beside other tests: call it from a test that does
// not call t.Parallel and is not a subtest of one that does. It calls only
// t.Helper and t.Errorf, from the goroutine it is called on.
func Conform(t testing.TB, newPlugin func() plugins.Plugin) {
	t.Helper()
	c := &conformance{}
	flagsBefore := processFlags()
	goroutines := goroutineIDs()

	streams := captureStreams()
	if streams.err != nil {
		c.fail("streams", "not checked: %v", streams.err)
	}
	c.check(newPlugin)
	out, errOut := streams.restore()
	if out != "" {
		c.fail("streams", "wrote %s to os.Stdout; %s", quote(out), c.streamAdvice("stdout"))
	}
	if errOut != "" {
		c.fail("streams", "wrote %s to os.Stderr; %s", quote(errOut), c.streamAdvice("stderr"))
	}

	if diff := cmp.Diff(flagsBefore, processFlags()); diff != "" {
		c.fail("flag.CommandLine", "the process's flag set changed (-before +after):\n%s", diff)
	}
	if !c.hung {
		left := newGoroutines(goroutines)
		for deadline := time.Now().Add(bound); len(left) > 0 && time.Now().Before(deadline); {
			time.Sleep(10 * time.Millisecond)
			left = newGoroutines(goroutines)
		}
		if len(left) > 0 {
			c.fail("goroutines", "started during the calls and still running %s after them: %s", bound, strings.Join(left, ", "))
		}
	}
	for _, f := range c.failures {
		t.Errorf("clitest.Conform(%s): %s: %s", c.who, f.check, f.msg)
	}
}

// conformance is the state of one Conform call. Failures are kept and
// reported once the process's streams are back.
type conformance struct {
	who      string // the plugin's type, for the messages
	stdout   bool   // the plugin is a StdoutNeeder
	stderr   bool   // the plugin is a StderrNeeder
	hung     bool   // a call did not return within bound
	failures []failure
}

type failure struct{ check, msg string }

func (c *conformance) fail(check, format string, args ...any) {
	c.failures = append(c.failures, failure{check, fmt.Sprintf(format, args...)})
}

// check runs every check that calls into the plugin.
func (c *conformance) check(newPlugin func() plugins.Plugin) {
	c.who = "newPlugin"
	var p plugins.Plugin
	if o := bounded(func() { p = newPlugin() }); !o.ok() {
		c.fail("new", "newPlugin %s", o)
		c.hung = c.hung || o.hung
		return
	}
	if p == nil || isNil(p) {
		c.fail("new", "newPlugin returned %#v, a nil plugin", p)
		return
	}
	c.who = fmt.Sprintf("%T", p)
	_, c.stdout = p.(plugins.StdoutNeeder)
	_, c.stderr = p.(plugins.StderrNeeder)

	c.names(p)
	c.calls("panic", "", p)
	c.freshFlags(p)
	if z, ok := zeroOf(p); ok {
		c.calls("zero value", "the zero value's ", z)
	}
}

// names checks the names the plugin answers to.
func (c *conformance) names(p plugins.Plugin) {
	var first, second string
	if o := bounded(func() { first, second = p.Name(), p.Name() }); !o.ok() {
		return // the panic check reports it
	}
	if why := badName(first); why != "" {
		c.fail("name", "Name returned %q, which %s", first, why)
	} else if first != second {
		c.fail("name", "Name returned %q, then %q; a name should be a constant", first, second)
	}
	if nc, ok := p.(plugins.NamedCommand); ok {
		var name string
		if o := bounded(func() { name = nc.CmdName() }); o.ok() && name != "" {
			if why := badName(name); why != "" {
				c.fail("name", "CmdName returned %q, which %s", name, why)
			}
		}
	}
	if a, ok := p.(plugins.Aliaser); ok {
		var aliases []string
		if o := bounded(func() { aliases = a.CmdAliases() }); o.ok() {
			for _, alias := range aliases {
				if why := badName(alias); why != "" {
					c.fail("name", "CmdAliases returned %q, which %s", alias, why)
				}
			}
		}
	}
}

// badName says why s cannot be typed as a name, or "" when it can, as the
// host decides.
func badName(s string) string {
	switch {
	case s == "":
		return "is empty"
	case s[0] == '-':
		return "starts with \"-\", so it would be read as a flag"
	case !utf8.ValidString(s):
		return "is not valid UTF-8"
	case strings.IndexFunc(s, unicode.IsSpace) >= 0:
		return "holds white space"
	case strings.IndexFunc(s, unicode.IsControl) >= 0:
		return "holds a control character"
	}
	return ""
}

// calls feeds p as a host would and calls every method it has, reporting
// panics and Goexits under check, and a Main that ignores cancellation
// under "cancel"; whose says whose methods they are in the messages.
func (c *conformance) calls(check, whose string, p plugins.Plugin) {
	var out, errOut bytes.Buffer
	for _, call := range feeding(p, &out, &errOut) {
		c.call(check, whose, call)
	}
	for _, call := range methods(p) {
		c.call(check, whose, call)
	}
	if cmd, ok := p.(plugins.Command); ok {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		o := bounded(func() { _ = cmd.Main(ctx, nil) })
		switch {
		case o.hung:
			c.hung = true
			c.fail("cancel", "%sMain with a cancelled context did not return within %s", whose, bound)
		case !o.ok():
			c.fail(check, "%sMain with a cancelled context %s", whose, o)
		}
	}
}

func (c *conformance) call(check, whose string, m method) {
	if o := bounded(m.fn); !o.ok() {
		c.hung = c.hung || o.hung
		c.fail(check, "%s%s %s", whose, m.name, o)
	}
}

// method is one call into a plugin.
type method struct {
	name string
	fn   func()
}

// feeding is what a host does to p before it uses it.
func feeding(p plugins.Plugin, out, errOut io.Writer) []method {
	var calls []method
	if x, ok := p.(plugins.PluginNeeder); ok {
		calls = append(calls, method{"WithPlugins", func() {
			x.WithPlugins(func() []plugins.Plugin { return []plugins.Plugin{p} })
		}})
	}
	if x, ok := p.(plugins.HostNeeder); ok {
		host := &cli.Host{Tool: "conform", Plugins: []plugins.Plugin{p}, Stdin: strings.NewReader(""), Stdout: out, Stderr: errOut}
		calls = append(calls, method{"WithHost", func() { x.WithHost(host) }})
	}
	if x, ok := p.(plugins.StdinNeeder); ok {
		calls = append(calls, method{"SetStdin", func() { x.SetStdin(strings.NewReader("")) }})
	}
	if x, ok := p.(plugins.StdoutNeeder); ok {
		calls = append(calls, method{"SetStdout", func() { x.SetStdout(out) }})
	}
	if x, ok := p.(plugins.StderrNeeder); ok {
		calls = append(calls, method{"SetStderr", func() { x.SetStderr(errOut) }})
	}
	if x, ok := p.(plugins.SourceNeeder); ok {
		calls = append(calls, method{"WithSources", func() {
			x.WithSources(func(string) string { return "default" })
		}})
	}
	return calls
}

// methods are the calls a host makes into p to find, list and build it.
func methods(p plugins.Plugin) []method {
	calls := []method{{"Name", func() { _ = p.Name() }}}
	if x, ok := p.(plugins.NamedCommand); ok {
		calls = append(calls, method{"CmdName", func() { _ = x.CmdName() }})
	}
	if x, ok := p.(plugins.Aliaser); ok {
		calls = append(calls, method{"CmdAliases", func() { _ = x.CmdAliases() }})
	}
	if x, ok := p.(plugins.Describer); ok {
		calls = append(calls, method{"Description", func() { _ = x.Description() }})
	}
	if x, ok := p.(plugins.LongDescriber); ok {
		calls = append(calls, method{"LongDescription", func() { _ = x.LongDescription() }})
	}
	if x, ok := p.(plugins.Exampler); ok {
		calls = append(calls, method{"CmdExamples", func() { _ = x.CmdExamples() }})
	}
	if x, ok := p.(plugins.Grouper); ok {
		calls = append(calls, method{"CmdGroup", func() { _ = x.CmdGroup() }})
	}
	if x, ok := p.(plugins.ArgsUsager); ok {
		calls = append(calls, method{"ArgsUsage", func() { _ = x.ArgsUsage() }})
	}
	if x, ok := p.(plugins.Flagger); ok {
		calls = append(calls, method{"Flags", func() { visitFlags(x.Flags()) }})
	}
	if x, ok := p.(plugins.GlobalFlagger); ok {
		calls = append(calls, method{"GlobalFlags", func() { visitFlags(x.GlobalFlags()) }})
	}
	if x, ok := p.(plugins.PluginScoper); ok {
		calls = append(calls, method{"ScopedPlugins", func() { _ = x.ScopedPlugins() }})
	}
	if x, ok := p.(plugins.SubCommander); ok {
		calls = append(calls, method{"SubCommands", func() { _ = x.SubCommands() }})
	}
	return calls
}

// visitFlags reads every flag of fs as help does, which runs the String
// methods of its values.
func visitFlags(fs *flag.FlagSet) {
	if fs != nil {
		fs.VisitAll(func(f *flag.Flag) { _ = f.Value.String() })
	}
}

// freshFlags checks that Flags and GlobalFlags return a new set each call.
func (c *conformance) freshFlags(p plugins.Plugin) {
	if x, ok := p.(plugins.Flagger); ok {
		c.twice("Flags", x.Flags)
	}
	if x, ok := p.(plugins.GlobalFlagger); ok {
		c.twice("GlobalFlags", x.GlobalFlags)
	}
}

func (c *conformance) twice(name string, build func() *flag.FlagSet) {
	var a, b *flag.FlagSet
	var da, db []flagInfo
	if o := bounded(func() { a, b = build(), build(); da, db = describe(a), describe(b) }); !o.ok() {
		return // the panic check reports it
	}
	switch {
	case a == nil && b == nil:
	case a == nil || b == nil:
		c.fail("fresh flags", "%s returned %p, then %p; return a new set each call", name, a, b)
	case a == b:
		c.fail("fresh flags", "%s returned the same *flag.FlagSet twice; return a new set each call, since the host parses it", name)
	default:
		if diff := cmp.Diff(da, db); diff != "" {
			c.fail("fresh flags", "%s declared other flags on its second call (-first +second):\n%s", name, diff)
		}
	}
}

// flagInfo is what help shows of a flag.
type flagInfo struct{ Name, Usage, Default string }

func describe(fs *flag.FlagSet) []flagInfo {
	var out []flagInfo
	if fs != nil {
		fs.VisitAll(func(f *flag.Flag) { out = append(out, flagInfo{f.Name, f.Usage, f.DefValue}) })
	}
	return out
}

// processFlags is what the process's flag set holds: each flag's usage
// and value.
func processFlags() map[string]flagInfo {
	out := map[string]flagInfo{}
	flag.VisitAll(func(f *flag.Flag) {
		out[f.Name] = flagInfo{f.Name, f.Usage, f.Value.String()}
	})
	return out
}

func (c *conformance) streamAdvice(stream string) string {
	fed := c.stdout
	if stream == "stderr" {
		fed = c.stderr
	}
	if fed {
		return "write to the " + stream + " the host feeds instead"
	}
	return "take the host's " + stream + " instead (embed plugins.Streams)"
}

// zeroOf returns the zero value of p's type, for an exported struct or a
// pointer to one, as a new plugin.
func zeroOf(p plugins.Plugin) (plugins.Plugin, bool) {
	t := reflect.TypeOf(p)
	var z any
	switch {
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct && token.IsExported(t.Elem().Name()):
		z = reflect.New(t.Elem()).Interface()
	case t.Kind() == reflect.Struct && token.IsExported(t.Name()):
		z = reflect.Zero(t).Interface()
	default:
		return nil, false
	}
	zp, ok := z.(plugins.Plugin)
	return zp, ok
}

// isNil reports whether v holds a nil pointer, map, slice, func or chan.
func isNil(v any) bool {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan, reflect.Interface:
		return rv.IsNil()
	}
	return false
}

// outcome is how a call into a plugin ended.
type outcome struct {
	returned, goexit, hung bool
	panicked               any
}

func (o outcome) ok() bool { return o.returned }

func (o outcome) String() string {
	switch {
	case o.hung:
		return fmt.Sprintf("did not return within %s", bound)
	case o.goexit:
		return "called runtime.Goexit"
	case !o.returned:
		return fmt.Sprintf("panicked: %v", o.panicked)
	}
	return "returned"
}

// bounded calls fn on a goroutine of its own and waits for it at most
// bound, so that neither a panic, runtime.Goexit nor a call that never
// returns stops Conform.
func bounded(fn func()) outcome {
	done := make(chan outcome, 1)
	go func() {
		var o outcome
		defer func() {
			if !o.returned {
				if v := recover(); v != nil {
					o.panicked = v
				} else {
					o.goexit = true
				}
			}
			done <- o
		}()
		fn()
		o.returned = true
	}()
	timer := time.NewTimer(bound)
	defer timer.Stop()
	select {
	case o := <-done:
		return o
	case <-timer.C:
		return outcome{hung: true}
	}
}

// capture holds the process's streams while pipes stand in for them.
type capture struct {
	stdout, stderr *os.File // the process's own
	w              [2]*os.File
	got            [2]bytes.Buffer
	done           chan struct{}
	err            error
}

// captureStreams puts pipes in place of os.Stdout and os.Stderr.
func captureStreams() *capture {
	c := &capture{stdout: os.Stdout, stderr: os.Stderr, done: make(chan struct{}, 2)}
	var r [2]*os.File
	for i := range r {
		var err error
		r[i], c.w[i], err = os.Pipe()
		if err != nil {
			c.err = err
			for j := 0; j < i; j++ {
				r[j].Close()
				c.w[j].Close()
			}
			return c
		}
	}
	for i := range r {
		go func() {
			io.Copy(&c.got[i], r[i])
			r[i].Close()
			c.done <- struct{}{}
		}()
	}
	os.Stdout, os.Stderr = c.w[0], c.w[1]
	return c
}

// restore puts the process's streams back and returns what was written
// to the pipes.
func (c *capture) restore() (stdout, stderr string) {
	if c.err != nil {
		return "", ""
	}
	os.Stdout, os.Stderr = c.stdout, c.stderr
	for i := range c.w {
		c.w[i].Close()
	}
	for range c.w {
		<-c.done
	}
	return c.got[0].String(), c.got[1].String()
}

// goroutineIDs returns the goroutines running, each by its number, with
// the function it is in.
func goroutineIDs() map[string]string {
	buf := make([]byte, 64<<10)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	ids := map[string]string{}
	for _, g := range strings.Split(string(buf), "\n\n") {
		head, rest, _ := strings.Cut(g, "\n")
		id, ok := strings.CutPrefix(head, "goroutine ")
		if !ok {
			continue
		}
		id, _, _ = strings.Cut(id, " ")
		fn, _, _ := strings.Cut(rest, "\n")
		if i := strings.LastIndexByte(fn, '('); i > 0 {
			fn = fn[:i]
		}
		ids[id] = fn
	}
	return ids
}

// newGoroutines returns the functions of the goroutines running now that
// were not among before, sorted.
func newGoroutines(before map[string]string) []string {
	var out []string
	for id, fn := range goroutineIDs() {
		if _, ok := before[id]; !ok {
			out = append(out, fn)
		}
	}
	sort.Strings(out)
	return out
}

// quote quotes what a plugin wrote, cut short.
func quote(s string) string {
	const max = 200
	if len(s) > max {
		return fmt.Sprintf("%q (%d bytes in all)", s[:max], len(s))
	}
	return fmt.Sprintf("%q", s)
}
