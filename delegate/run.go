package delegate

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"slices"
)

// Run hands the run over to the project's own build of the tool when the
// working directory is in a project that has one (see Find), and reports
// whether it did. main calls it first, before it builds its host:
//
//	if code, ok := delegate.Run(delegate.Options{
//		Tool: "mycli", Args: os.Args, Getwd: os.Getwd,
//		Environ: os.Environ, LookupEnv: os.LookupEnv, Executable: os.Executable,
//	}); ok {
//		os.Exit(code)
//	}
//
// When it does not delegate it returns (0, false) having started no
// process and printed nothing (but, under <EnvPrefix>_DEBUG_DELEGATE=1,
// why not). When it does, the project binary gets the same arguments,
// streams and environment, plus <EnvPrefix>_DELEGATED=1. On Unix Run then
// replaces the process with it and does not return, unless that fails;
// elsewhere, with Options.NoExec, or for a binary built into a temporary
// directory, it runs it as a child and returns its exit code, 128 plus
// the signal's number when a signal killed it. A failed build prints the
// go command's output and returns exit code 1: Run never falls back to
// the running binary's own commands, which would quietly do something
// other than the project means.
func Run(o Options) (code int, delegated bool) {
	c := newConfig(o)
	p, err := c.find()
	if err != nil {
		c.debugf("not delegating: %v", err)
		return 0, false
	}
	for retried := false; ; retried = true {
		b, err := p.binary()
		if err != nil {
			p.report(err)
			return 1, true
		}
		code, gone := p.run(b, !retried)
		if !gone {
			return code, true
		}
		// A build in another shell removed the binary between its stat
		// and its start: its key is no longer the current one.
		c.debugf("%s was removed meanwhile: looking again", b.path)
	}
}

// report prints why the project binary could not be built.
func (p *Project) report(err error) {
	c := p.cfg
	var be *buildError
	if errors.As(err, &be) {
		c.Stderr.Write(be.output)
	}
	fmt.Fprintf(c.Stderr, "%s: cannot build this project's %s: %v; %s=1 runs the installed %s instead\n",
		c.Tool, p, err, c.prefix+envNoDelegate, c.Tool)
}

// run runs the project binary b, replacing the process where it can.
// With retry, a cached binary that is gone makes it report gone rather
// than fail.
func (p *Project) run(b *binary, retry bool) (code int, gone bool) {
	c := p.cfg
	argv := append([]string(nil), c.Args...)
	if len(argv) == 0 {
		argv = []string{c.Tool}
	}
	env := append(slices.Clip(c.Environ()), c.prefix+envDelegated+"=1")
	var err error
	if canExec && !c.NoExec && b.temp == "" {
		err = execve(b.path, argv, env)
	} else {
		code, err = c.runChild(b.path, argv, env)
		if b.temp != "" {
			os.RemoveAll(b.temp)
		}
	}
	if err == nil {
		return code, false
	}
	if retry && b.temp == "" && errors.Is(err, fs.ErrNotExist) {
		return 0, true
	}
	fmt.Fprintf(c.Stderr, "%s: cannot run this project's %s: %v\n", c.Tool, p, err)
	return 1, false
}

// runChild runs the program at path as a child and returns its exit
// status, relaying the signals the platform lets it relay, and catching
// them so that this process outlives the child. The error is one
// starting it.
func (c *config) runChild(path string, argv, env []string) (int, error) {
	cmd := &exec.Cmd{Path: path, Args: argv, Env: env, Stdin: c.Stdin, Stdout: c.Stdout, Stderr: c.Stderr}
	if cmd.Stdin == nil {
		cmd.Stdin = os.Stdin
	}
	if cmd.Stdout == nil {
		cmd.Stdout = os.Stdout
	}
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, relayed()...)
	defer signal.Stop(sigs)
	if err := cmd.Start(); err != nil {
		return 1, err
	}
	done := make(chan struct{})
	defer close(done)
	go func() {
		for {
			select {
			case s := <-sigs:
				relay(cmd.Process, s)
			case <-done:
				return
			}
		}
	}()
	err := cmd.Wait()
	if cmd.ProcessState == nil {
		fmt.Fprintf(c.Stderr, "%s: running %s: %v\n", c.Tool, path, err)
		return 1, nil
	}
	return exitStatus(cmd.ProcessState), nil
}

// debugf writes a line to Stderr under <EnvPrefix>_DEBUG_DELEGATE=1.
func (c *config) debugf(format string, args ...any) {
	if c.debug {
		fmt.Fprintf(c.Stderr, "%s: delegate: %s\n", c.Tool, fmt.Sprintf(format, args...))
	}
}
