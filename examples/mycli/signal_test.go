package main

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"
)

// TestMain lets a test run this binary as mycli itself, to send it
// signals: with MYCLI_RUN_MAIN=1 it is main.
func TestMain(m *testing.M) {
	if os.Getenv("MYCLI_RUN_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// startMycli starts mycli with args and waits until it says it sleeps and
// has had time to install its signal handler.
func startMycli(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "MYCLI_RUN_MAIN=1")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("mycli %q did not start: %v", args, err)
	}
	if line != "sleeping 1h0m0s\n" {
		t.Fatalf("mycli %q said %q", args, line)
	}
	// cli.Run installs its handler once a command has run for a few
	// milliseconds; a SIGINT before that ends the process as it would any
	// program without one. Give it ample time on a loaded machine.
	time.Sleep(300 * time.Millisecond)
	return cmd
}

// exitCode waits for cmd, killing it if it takes longer than limit.
func exitCode(t *testing.T, cmd *exec.Cmd, limit time.Duration) int {
	t.Helper()
	timer := time.AfterFunc(limit, func() { cmd.Process.Kill() })
	defer timer.Stop()
	err := cmd.Wait()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee) && ee.Exited():
		return ee.ExitCode()
	}
	t.Fatalf("mycli did not exit by itself within %s: %v", limit, err)
	return -1
}

func TestInterruptExits130(t *testing.T) {
	t.Parallel()
	cmd := startMycli(t, "sleep", "--for=1h")
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	if code := exitCode(t, cmd, time.Minute); code != 130 {
		t.Errorf("after SIGINT mycli exited %d, want 130", code)
	}
}

func TestSecondInterruptExitsAtOnce(t *testing.T) {
	t.Parallel()
	// --stubborn ignores cancellation: only the second SIGINT ends it.
	cmd := startMycli(t, "sleep", "--for=1h", "--stubborn")
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	// Two signals sent close together may reach the process as one, so
	// keep interrupting until it exits; the first is the one it ignores.
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for {
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
				cmd.Process.Signal(syscall.SIGINT)
			}
		}
	}()
	if code := exitCode(t, cmd, time.Minute); code != 130 {
		t.Errorf("after two SIGINTs mycli exited %d, want 130", code)
	}
}

func TestTerminateExits143(t *testing.T) {
	t.Parallel()
	cmd := startMycli(t, "sleep", "--for=1h")
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if code := exitCode(t, cmd, time.Minute); code != 143 {
		t.Errorf("after SIGTERM mycli exited %d, want 143", code)
	}
}
