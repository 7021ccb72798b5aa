// Command launch runs the comparison's programs for cmd/runner, one at a
// time, and reports each one's wall time, peak RSS and exit code.
//
// It exists because of how Linux counts peak RSS: Go starts a child with
// clone(CLONE_VM|CLONE_VFORK), so until the child calls execve it shares
// its parent's memory, and execve records the parent's peak RSS in the
// child's ru_maxrss. A child of the runner, which holds the results and the
// plotting library, would report at least the runner's peak. A child of
// this small process reports its own peak, as long as that is above this
// process's resident set when it starts the child, which it keeps low by
// returning its heap to the system and resetting its own peak (clear_refs)
// before each start. Each reply says what that peak was, the least maxrss
// the child can report.
//
// The protocol, one line each way per run, on stdin and stdout:
//
//	request:  N <TAB> program <TAB> arg <TAB> arg ...
//	reply:    wall-nanoseconds <SPACE> maxrss-KiB <SPACE> exit-code <SPACE> own-peak-KiB
//	request:  hwm
//	reply:    this process's own peak RSS in KiB (VmHWM)
//	request:  cd <TAB> directory
//	reply:    ok (the programs after it run in that directory)
//
// A reply starting with "error " reports a failure to run the program.
package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	debug.SetGCPercent(10) // keep the heap small: a 4 MiB heap would be the floor
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, "launch:", err)
		os.Exit(1)
	}
	env := os.Environ()
	in := bufio.NewReader(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	for {
		line, err := in.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimSuffix(line, "\n")
		if line == "hwm" {
			fmt.Fprintln(out, hwm())
			out.Flush()
			continue
		}
		if dir, ok := strings.CutPrefix(line, "cd\t"); ok {
			if err := os.Chdir(dir); err != nil {
				fmt.Fprintln(out, "error", err)
			} else {
				fmt.Fprintln(out, "ok")
			}
			out.Flush()
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			fmt.Fprintln(out, "error bad request")
			out.Flush()
			continue
		}
		// Lower this process's own peak RSS, which the child inherits as
		// a floor: give the heap back, then reset the peak to what is left.
		debug.FreeOSMemory()
		os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
		floor := hwm()
		cmd := exec.Command(f[1], f[2:]...)
		cmd.Env = append(env[:len(env):len(env)], "BENCH_N="+f[0])
		cmd.Stdout, cmd.Stderr = devnull, devnull
		start := time.Now()
		err = cmd.Run()
		wall := time.Since(start)
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			fmt.Fprintln(out, "error", err)
			out.Flush()
			continue
		}
		var rss int64
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			rss = ru.Maxrss
		}
		fmt.Fprintln(out, int64(wall), rss, code, floor)
		out.Flush()
	}
}

// hwm returns this process's peak RSS in KiB, or -1.
func hwm() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			n, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err == nil {
				return n
			}
		}
	}
	return -1
}
