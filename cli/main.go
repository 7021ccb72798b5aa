package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"unicode"
)

// Run runs h with args as a program's main function would, and returns the
// exit code to pass to os.Exit:
//
//	func main() { os.Exit(cli.Run(context.Background(), host, os.Args[1:])) }
//
// The first SIGINT or SIGTERM cancels the context Main runs with, so a
// command can stop cleanly; a second makes Run return ExitInterrupt at once
// without waiting for Main. An error is printed once, on one line, to the
// host's Stderr. Run removes its signal handler before it returns; Host.Main
// itself never installs one.
func Run(ctx context.Context, h *Host, args []string) int {
	if ctx == nil {
		ctx = context.Background()
	}
	stderr := h.Stderr
	if stderr == nil {
		stderr = os.Stderr
	}
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Main's own goroutine is the one Run does not wait for after a
	// second interrupt.
	done := h.start(ctx, args)

	interrupted := false
	for {
		select {
		case err := <-done:
			code := ExitCode(err)
			if err != nil {
				report(stderr, err)
			}
			if interrupted {
				code = ExitInterrupt
			}
			return code
		case <-sigs:
			if interrupted {
				report(stderr, fmt.Errorf("%s: interrupted twice, not waiting", h.Name()))
				return ExitInterrupt
			}
			interrupted = true
			cancel()
		}
	}
}

// report prints err on one line: line breaks and other control bytes in
// its text are escaped, so that the message is one line of a log.
func report(w io.Writer, err error) {
	fmt.Fprintln(w, oneLine(message(err)))
}

func oneLine(s string) string {
	if strings.IndexFunc(s, unicode.IsControl) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
