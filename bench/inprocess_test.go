package bench_test

import (
	"context"
	"io"
	"strconv"
	"testing"

	"github.com/plughost/plughost/bench/internal/spec"
	"github.com/plughost/plughost/bench/tools/cobra"
	"github.com/plughost/plughost/bench/tools/floor"
	"github.com/plughost/plughost/bench/tools/kong"
	"github.com/plughost/plughost/bench/tools/plughost"
	"github.com/plughost/plughost/bench/tools/stdlib"
	"github.com/plughost/plughost/bench/tools/urfave"
)

// The in-process side of the comparison: each program's whole run, tool
// construction included, in one process, at N = 10, 1,000 and 10,000, for
// every scenario. cmd/runner reads these for its in-process table;
// run them alone with
//
//	go test -run '^$' -bench . -benchmem

var sizes = []int{10, 1000, 10000}

type program struct {
	name string
	run  func(n int, args []string) int
}

var programs = []program{
	{"floor", func(n int, args []string) int { return floor.Run(n, args, io.Discard, io.Discard) }},
	{"stdlib", func(n int, args []string) int { return stdlib.Run(n, args, io.Discard, io.Discard) }},
	// cli.New and one Main: what the tool does but for cli.Run, whose
	// signal handling is per process rather than per command.
	{"plughost", func(n int, args []string) int {
		err := plughost.New(n, false, io.Discard, io.Discard).Main(context.Background(), args)
		return exitCode(err)
	}},
	{"plughost-direct", func(n int, args []string) int {
		err := plughost.New(n, true, io.Discard, io.Discard).Main(context.Background(), args)
		return exitCode(err)
	}},
	{"cobra", func(n int, args []string) int { return cobra.Run(n, args, io.Discard, io.Discard) }},
	{"urfave", func(n int, args []string) int { return urfave.Run(n, args, io.Discard, io.Discard) }},
	{"kong", func(n int, args []string) int { return kong.Run(n, args, io.Discard, io.Discard) }},
}

func exitCode(err error) int {
	if err != nil {
		return 1
	}
	return 0
}

// BenchmarkNewMain is BenchmarkNewMain/<scenario>/<program>/N=<n>.
// plughost-direct runs the lenders scenario only, where it differs.
func BenchmarkNewMain(b *testing.B) {
	for _, sc := range spec.Scenarios {
		b.Run(sc.Name, func(b *testing.B) {
			for _, p := range programs {
				if p.name == "plughost-direct" && sc.Name != "lenders" {
					continue
				}
				b.Run(p.name, func(b *testing.B) {
					for _, n := range sizes {
						args := sc.Args(n)
						b.Run("N="+strconv.Itoa(n), func(b *testing.B) {
							b.ReportAllocs()
							for b.Loop() {
								if code := p.run(n, args); !sc.OK(code) {
									b.Fatalf("%s %v: exit code %d", p.name, args, code)
								}
							}
						})
					}
				})
			}
		})
	}
}

// completions are the completion scenario's runs in process: the floor's
// and plughost's dispatch, which the whole-process target compares
// plughost's completion with, and each completion (urfave's in its own
// protocol; kong has none).
var completions = []struct {
	name string
	args func(n int) []string
	run  func(n int, args []string) int
}{
	{"floor-dispatch", spec.Scenarios[0].Args, runOf("floor")},
	{"plughost-dispatch", spec.Scenarios[0].Args, runOf("plughost")},
	{"plughost", spec.Completion.Args, runOf("plughost")},
	{"cobra", spec.Completion.Args, runOf("cobra")},
	{"urfave", spec.CompletionURfave, runOf("urfave")},
}

// runOf returns the run of the program named name.
func runOf(name string) func(n int, args []string) int {
	for _, p := range programs {
		if p.name == name {
			return p.run
		}
	}
	panic("no program " + name)
}

// BenchmarkComplete is BenchmarkComplete/<program>/N=<n>: the completion
// scenario, beside the floor's and plughost's dispatch.
func BenchmarkComplete(b *testing.B) {
	for _, p := range completions {
		b.Run(p.name, func(b *testing.B) {
			for _, n := range sizes {
				args := p.args(n)
				b.Run("N="+strconv.Itoa(n), func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						if code := p.run(n, args); code != 0 {
							b.Fatalf("%s %v: exit code %d", p.name, args, code)
						}
					}
				})
			}
		})
	}
}
