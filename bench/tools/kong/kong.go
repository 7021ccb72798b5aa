// Package kong is the comparison's program on alecthomas/kong. Kong models
// commands as struct types; a tool with N commands known only at run time
// registers them with kong.DynamicCommand, one struct value each, before
// parsing, which is as close as kong comes to a tool of N command types.
// Big's 300 flags are one struct type built with reflect.StructOf, which
// kong reads as it reads a written one.
package kong

import (
	"fmt"
	"io"
	"reflect"

	"github.com/alecthomas/kong"
	"github.com/plughost/plughost/bench/internal/spec"
)

type root struct{}

// Gen is a generated command.
type Gen struct {
	Str   string   `name:"name" help:"a string"`
	Force bool     `help:"a bool"`
	Count int      `help:"an int"`
	Args  []string `arg:"" optional:""`
	name  string
}

// exit is what kong's Exit panics with, to return its code from Run.
type exit int

// Run runs the tool with n generated commands and big.
func Run(n int, args []string, stdout, stderr io.Writer) (code int) {
	names := spec.Names(n)
	gens := make([]Gen, n)
	opts := make([]kong.Option, 0, n+4)
	opts = append(opts,
		kong.Name("tool"),
		kong.Description("the comparison's tool"),
		kong.Writers(stdout, stderr),
		kong.Exit(func(code int) { panic(exit(code)) }),
	)
	for i, name := range names {
		gens[i].name = name
		opts = append(opts, kong.DynamicCommand(name, spec.Description, "", &gens[i]))
	}
	big := reflect.New(bigType())
	opts = append(opts, kong.DynamicCommand(spec.Big, "a command with many flags", "", big.Interface()))

	defer func() {
		r := recover()
		if e, ok := r.(exit); ok {
			code = int(e)
		} else if r != nil {
			panic(r)
		}
	}()
	parser, err := kong.New(&root{}, opts...)
	if err != nil {
		fmt.Fprintln(stderr, "tool:", err)
		return 1
	}
	kctx, err := parser.Parse(args)
	if err != nil {
		fmt.Fprintln(stderr, "tool:", err)
		return 2
	}
	switch sel := kctx.Selected(); {
	case sel == nil:
		return 0
	case sel.Name == spec.Big:
		v := big.Elem()
		p := fmt.Sprintf("L%d", spec.Lenders/2)
		err = spec.Report(stdout, spec.Big, v.FieldByName(p+"Str").String(), v.FieldByName(p+"Force").Bool(),
			int(v.FieldByName(p+"Count").Int()), v.FieldByName("Args").Interface().([]string))
	default:
		g := sel.Target.Addr().Interface().(*Gen)
		err = spec.Report(stdout, g.name, g.Str, g.Force, g.Count, g.Args)
	}
	if err != nil {
		fmt.Fprintln(stderr, "tool:", err)
		return 1
	}
	return 0
}

// bigType is a struct of the 300 flags of big, and its arguments.
func bigType() reflect.Type {
	fields := make([]reflect.StructField, 0, 3*spec.Lenders+1)
	for j := range spec.Lenders {
		l, p := spec.LenderName(j)+"-", fmt.Sprintf("L%d", j)
		fields = append(fields,
			reflect.StructField{Name: p + "Str", Type: reflect.TypeFor[string](), Tag: reflect.StructTag(`name:"` + l + spec.FlagString + `" help:"a string"`)},
			reflect.StructField{Name: p + "Force", Type: reflect.TypeFor[bool](), Tag: reflect.StructTag(`name:"` + l + spec.FlagBool + `" help:"a bool"`)},
			reflect.StructField{Name: p + "Count", Type: reflect.TypeFor[int](), Tag: reflect.StructTag(`name:"` + l + spec.FlagInt + `" help:"an int"`)},
		)
	}
	fields = append(fields, reflect.StructField{Name: "Args", Type: reflect.TypeFor[[]string](), Tag: `arg:"" optional:""`})
	return reflect.StructOf(fields)
}
