package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/plugins/plugprint"
)

// signalDelay is how long Run lets a command run before it installs its
// signal handler. os/signal starts a goroutine and a thread of its own,
// which would cost every short run of a tool a third of its time; a
// command that ends sooner does not pay it, and a Ctrl-C in that moment
// ends the process as it would any program without a handler.
const signalDelay = 5 * time.Millisecond

// Run runs h with args as a program's main function would, and returns the
// exit code to pass to os.Exit:
//
//	func main() { os.Exit(cli.Run(context.Background(), host, os.Args[1:])) }
//
// Once the command has run for a few milliseconds, the first SIGINT or
// SIGTERM cancels the context Main runs with, so a command can stop
// cleanly, and Run then exits ExitInterrupt (130) or ExitTerminate (143); a
// second signal makes Run return at once without waiting for Main. An
// error is printed once, on one line, to the host's Stderr ("interrupted"
// when the run was interrupted and the command returned the context's
// error). Run removes its signal handler before it returns; Host.Main
// itself never installs one.
func Run(ctx context.Context, h *Host, args []string) int {
	if ctx == nil {
		ctx = context.Background()
	}
	stderr := h.Stderr
	if stderr == nil {
		stderr = os.Stderr
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	r := h.newRun(ctx, nil)
	done := r.guard(func() error { return r.main(args) })

	wait := time.NewTimer(signalDelay)
	defer wait.Stop()
	var (
		sigs   chan os.Signal
		caught os.Signal
	)
	for {
		select {
		case err := <-done:
			if caught != nil {
				if err != nil && ExitCode(err) == ExitInterrupt {
					err = fmt.Errorf("%s: interrupted", h.Name())
				}
				report(stderr, err, h.Traceback)
				return exitFor(caught)
			}
			code := ExitCode(err)
			report(stderr, err, h.Traceback)
			return code
		case <-wait.C:
			sigs = make(chan os.Signal, 2)
			signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
			defer signal.Stop(sigs)
		case s := <-sigs:
			if caught != nil {
				report(stderr, fmt.Errorf("%s: interrupted twice, not waiting", h.Name()), false)
				return exitFor(caught)
			}
			caught = s
			cancel()
		}
	}
}

// exitFor is the exit code of a run stopped by s.
func exitFor(s os.Signal) int {
	if s == syscall.SIGTERM {
		return ExitTerminate
	}
	return ExitInterrupt
}

// report prints err, if any, on one line, and with traceback the stack
// of the panic it reports, if it does.
func report(w io.Writer, err error, traceback bool) {
	if err == nil {
		return
	}
	fmt.Fprintln(w, message(err))
	if !traceback {
		return
	}
	var stack []byte
	contained(func() {
		if pe, ok := fault.As[*PluginError](err); ok {
			stack = pe.Stack
		}
	})
	for _, line := range strings.Split(strings.TrimRight(string(stack), "\n"), "\n") {
		if line != "" {
			fmt.Fprintln(w, plugprint.Line(strings.ReplaceAll(line, "\t", "    ")))
		}
	}
}
