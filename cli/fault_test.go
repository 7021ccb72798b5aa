package cli_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime/debug"
	"syscall"
	"testing"
	"time"

	"github.com/plughost/plughost/cli"
	th "github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/plugins"
)

// TestMain lets a test re-run this binary as a tool that meets a fault no
// host can recover from, named by CLI_FAULT.
func TestMain(m *testing.M) {
	if fault := os.Getenv("CLI_FAULT"); fault != "" {
		faultyTool(fault)
		return
	}
	os.Exit(m.Run())
}

// faultyTool writes a line to stdout, then meets the fault.
func faultyTool(fault string) {
	faults := map[string]func(){
		"exit":            func() { os.Exit(3) },
		"goroutine panic": func() { go panic("in a goroutine of the plugin's own"); select {} },
		"stack overflow":  func() { debug.SetMaxStack(1 << 20); recurse(0) },
	}
	h := cli.New("tool")
	h.Plugins = append([]plugins.Plugin{th.CommandFunc("fault", func(context.Context, []string) error {
		fmt.Println("written before the fault")
		faults[fault]()
		return nil
	})}, h.Plugins...)
	switch fault {
	case "no handler after Main", "no handler after Run":
		if fault == "no handler after Main" {
			h.Main(context.Background(), []string{"help"})
		} else {
			cli.Run(context.Background(), h, []string{"help"})
		}
		syscall.Kill(os.Getpid(), syscall.SIGINT)
		time.Sleep(time.Minute) // the signal should have ended the process
		os.Exit(0)
	}
	os.Exit(cli.Run(context.Background(), h, []string{"fault"}))
}

func recurse(n int) int { return recurse(n+1) + 1 }

func runFault(t *testing.T, fault string) (string, error) {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "CLI_FAULT="+fault)
	timer := time.AfterFunc(time.Minute, func() { cmd.Process.Kill() })
	defer timer.Stop()
	out, err := cmd.Output()
	return string(out), err
}

// TestUnrecoverableFaultsKeepOutput: the host cannot survive os.Exit, a
// panic on a plugin's own goroutine or a fatal runtime error, but it
// buffers nothing, so what was written before is not lost.
func TestUnrecoverableFaultsKeepOutput(t *testing.T) {
	t.Parallel()
	for _, fault := range []string{"exit", "goroutine panic", "stack overflow"} {
		t.Run(fault, func(t *testing.T) {
			t.Parallel()
			out, err := runFault(t, fault)
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				t.Fatalf("the tool ended with %v, want a failing exit", err)
			}
			if out != "written before the fault\n" {
				t.Errorf("stdout = %q, want the line written before the fault", out)
			}
		})
	}
}

// TestNoSignalHandlerLeft: Host.Main installs no signal handler, and Run
// removes its own before it returns, so SIGINT ends the process again.
func TestNoSignalHandlerLeft(t *testing.T) {
	t.Parallel()
	for _, fault := range []string{"no handler after Main", "no handler after Run"} {
		t.Run(fault, func(t *testing.T) {
			t.Parallel()
			_, err := runFault(t, fault)
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				t.Fatalf("the tool ended with %v, want it killed by SIGINT", err)
			}
			ws, ok := ee.Sys().(syscall.WaitStatus)
			if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGINT {
				t.Errorf("the tool ended with %v, want it killed by SIGINT", err)
			}
		})
	}
}
