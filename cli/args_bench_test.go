package cli_test

import (
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/plugins"
)

// BenchmarkManyArguments shows parsing is linear in the number of
// arguments: ns/op grows ten times from 10,000 to 100,000.
func BenchmarkManyArguments(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		args := []string{"deploy"}
		for i := range n {
			if i%2 == 0 {
				args = append(args, "a")
			} else {
				args = append(args, "--tag=t")
			}
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			var d deployFlags
			h := &cli.Host{Tool: "tool", Stdout: io.Discard, Plugins: []plugins.Plugin{deployCmd(&d)}}
			for b.Loop() {
				if err := h.Main(context.Background(), args); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
