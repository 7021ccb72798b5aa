package plugflag

import (
	"flag"
	"slices"
	"strconv"
	"strings"
)

// The host recognises a flag's traits by these methods on its flag.Value,
// so a custom Value may implement any of them itself; the wrappers below
// add them to any Value, and nest: Required(Hidden(v)) is both.
type (
	// requirer is a Value whose flag must be given.
	requirer interface{ IsRequired() bool }
	// chooser is a Value that takes one of a fixed set of values.
	chooser interface{ Choices() []string }
	// hider is a Value whose flag is parsed but never listed.
	hider interface{ IsHidden() bool }
	// deprecator is a Value whose flag is deprecated; Deprecation says
	// what to use instead.
	deprecator interface{ Deprecation() string }
	// negator is a boolean Value that also answers to --no-NAME.
	negator interface{ IsNegatable() bool }
	// secreter is a Value whose value is never shown: help shows no
	// default and errors do not repeat it; where it came from still shows.
	secreter interface{ IsSecret() bool }
)

// Required marks v's flag as one a run must be given: the host fails a run
// without it, naming every required flag missing, as a usage error.
//
//	fs.Var(plugflag.Required(plugflag.String(&c.App)), "app", "the app to deploy")
func Required(v flag.Value) flag.Value { return with(v, func(t *traits) { t.required = true }) }

// Hidden marks v's flag as one the host parses but help never lists: an
// escape hatch, or a flag kept for old scripts.
func Hidden(v flag.Value) flag.Value { return with(v, func(t *traits) { t.hidden = true }) }

// Deprecated marks v's flag as deprecated: the host still parses it, and
// when a command line gives it, prints one line on stderr saying so and
// what to use instead ("use --region").
func Deprecated(v flag.Value, instead string) flag.Value {
	return with(v, func(t *traits) { t.deprecation = instead })
}

// Negatable gives a boolean flag a twin, --no-NAME, that sets it false,
// for tools whose booleans default to true. Help shows it as --[no-]NAME.
func Negatable(v flag.Value) flag.Value { return with(v, func(t *traits) { t.negatable = true }) }

// Secret marks v's flag as holding a secret (a token, a password): help
// shows no default for it and no error repeats its value, though both
// still say where it came from (a variable, a file).
func Secret(v flag.Value) flag.Value { return with(v, func(t *traits) { t.secret = true }) }

// String returns a flag.Value bound to p, for wrapping in the traits above
// where the standard library's StringVar would declare the flag itself.
func String(p *string) flag.Value { return (*stringValue)(p) }

type stringValue string

func (s *stringValue) String() string {
	if s == nil {
		return ""
	}
	return string(*s)
}
func (s *stringValue) Set(v string) error { *s = stringValue(v); return nil }
func (s *stringValue) Get() any           { return string(*s) }
func (s *stringValue) Type() string       { return "string" }

// OneOf returns a flag.Value bound to p that takes only one of choices:
// any other value is refused, and the host's error lists the choices and
// suggests the nearest. Help lists them too.
//
//	fs.Var(plugflag.OneOf(&c.Env, "dev", "staging", "prod"), "env", "where to deploy")
func OneOf(p *string, choices ...string) flag.Value {
	return &choiceValue{p: p, choices: slices.Clone(choices)}
}

type choiceValue struct {
	p       *string
	choices []string
}

func (c *choiceValue) boundTo() any { return c.p }

func (c *choiceValue) String() string {
	if c == nil || c.p == nil {
		return ""
	}
	return *c.p
}

func (c *choiceValue) Set(v string) error {
	if !slices.Contains(c.choices, v) {
		return errWant("one of " + strings.Join(c.choices, ", "))
	}
	*c.p = v
	return nil
}

func (c *choiceValue) Get() any          { return *c.p }
func (c *choiceValue) Type() string      { return "string" }
func (c *choiceValue) Choices() []string { return slices.Clone(c.choices) }

// traits are what the wrappers add to a Value.
type traits struct {
	required, hidden, negatable, secret bool
	deprecation                         string
}

// traitValue is a Value with traits: it forwards every method the host
// asks of a Value to the one it wraps.
type traitValue struct {
	flag.Value
	traits
}

func with(v flag.Value, set func(*traits)) flag.Value {
	t := &traitValue{Value: v}
	if inner, ok := v.(*traitValue); ok {
		*t = *inner
	}
	set(&t.traits)
	return t
}

func (t *traitValue) boundTo() any { return boundTo(t.Value).Interface() }

func (t *traitValue) IsBoolFlag() bool {
	b, ok := t.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

func (t *traitValue) Get() any {
	if g, ok := t.Value.(flag.Getter); ok {
		return g.Get()
	}
	return t.Value.String()
}

// Type names the wrapped Value's kind, as help shows it.
func (t *traitValue) Type() string {
	if ty, ok := t.Value.(interface{ Type() string }); ok {
		return ty.Type()
	}
	name, _ := flag.UnquoteUsage(&flag.Flag{Value: t.Value})
	return name
}

func (t *traitValue) IsRequired() bool {
	return t.required || is[requirer](t.Value, requirer.IsRequired)
}
func (t *traitValue) IsHidden() bool { return t.hidden || is[hider](t.Value, hider.IsHidden) }
func (t *traitValue) IsNegatable() bool {
	return t.negatable || is[negator](t.Value, negator.IsNegatable)
}
func (t *traitValue) IsSecret() bool      { return t.secret || is[secreter](t.Value, secreter.IsSecret) }
func (t *traitValue) Deprecation() string { return t.deprecation }

func (t *traitValue) Choices() []string {
	if c, ok := t.Value.(chooser); ok {
		return c.Choices()
	}
	return nil
}

func is[I any](v flag.Value, method func(I) bool) bool {
	i, ok := v.(I)
	return ok && method(i)
}

// Bool returns a flag.Value bound to p, for wrapping in the traits above
// (Negatable above all) where the standard library's BoolVar would declare
// the flag itself.
func Bool(p *bool) flag.Value { return (*boolValue)(p) }

type boolValue bool

func (b *boolValue) String() string {
	if b == nil || !*b {
		return "false"
	}
	return "true"
}

func (b *boolValue) Set(v string) error {
	x, err := strconv.ParseBool(v)
	if err != nil {
		return errWant("true or false")
	}
	*b = boolValue(x)
	return nil
}

func (b *boolValue) IsBoolFlag() bool { return true }
func (b *boolValue) Get() any         { return bool(*b) }
func (b *boolValue) Type() string     { return "bool" }
