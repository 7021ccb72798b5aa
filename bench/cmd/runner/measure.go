package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/plughost/plughost/bench/internal/spec"
)

// sample is one whole process.
type sample struct {
	wall time.Duration
	rss  int64 // peak resident set, KiB (Linux reports ru_maxrss in KiB)
	// least is the launcher's own peak RSS when it started the program,
	// in KiB: the least rss can be.
	least int64
}

// cell is one scenario at one N: every program's samples, in round order,
// so that samples[a][r] and samples[b][r] ran side by side.
type cell struct {
	scenario string
	n        int
	samples  map[string][]sample
}

func (c *cell) has(prog string) bool { return len(c.samples[prog]) > 0 }

// median returns the median wall time of prog.
func (c *cell) median(prog string) time.Duration {
	ws := make([]float64, 0, len(c.samples[prog]))
	for _, s := range c.samples[prog] {
		ws = append(ws, float64(s.wall))
	}
	return time.Duration(quantile(ws, 0.5))
}

// medianRSS returns the median peak RSS of prog, in KiB.
func (c *cell) medianRSS(prog string) float64 {
	rs := make([]float64, 0, len(c.samples[prog]))
	for _, s := range c.samples[prog] {
		rs = append(rs, float64(s.rss))
	}
	return quantile(rs, 0.5)
}

// atLeast reports whether prog's median peak RSS is within 64 KiB of the
// launcher's own, so that it is an upper bound rather than a measure.
func (c *cell) atLeast(prog string) bool {
	ls := make([]float64, 0, len(c.samples[prog]))
	for _, s := range c.samples[prog] {
		ls = append(ls, float64(s.least))
	}
	return c.medianRSS(prog) <= quantile(ls, 0.5)+64
}

// ratio returns the median, first and third quartile of prog's wall time
// over base's, round by round.
func (c *cell) ratio(prog, base string) (med, q1, q3 float64) {
	a, b := c.samples[prog], c.samples[base]
	n := min(len(a), len(b))
	rs := make([]float64, n)
	for i := range n {
		rs[i] = float64(a[i].wall) / float64(b[i].wall)
	}
	return quantile(rs, 0.5), quantile(rs, 0.25), quantile(rs, 0.75)
}

// diff returns the median of prog's wall time minus base's, round by round.
func (c *cell) diff(prog, base string) time.Duration {
	med, _, _ := c.diffs(prog, base)
	return med
}

// diffs returns the median, first and third quartile of prog's wall time
// minus base's, round by round.
func (c *cell) diffs(prog, base string) (med, q1, q3 time.Duration) {
	a, b := c.samples[prog], c.samples[base]
	n := min(len(a), len(b))
	ds := make([]float64, n)
	for i := range n {
		ds[i] = float64(a[i].wall - b[i].wall)
	}
	return time.Duration(quantile(ds, 0.5)), time.Duration(quantile(ds, 0.25)), time.Duration(quantile(ds, 0.75))
}

// rssRatio is the ratio of the median peak RSS of prog to base's.
func (c *cell) rssRatio(prog, base string) float64 {
	return c.medianRSS(prog) / c.medianRSS(base)
}

// quantile returns the q-quantile of xs, interpolated; NaN for none.
func quantile(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return nan
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	pos := q * float64(len(s)-1)
	i := int(pos)
	if i+1 >= len(s) {
		return s[len(s)-1]
	}
	f := pos - float64(i)
	return s[i]*(1-f) + s[i+1]*f
}

// launcher times the built programs through cmd/launch, a small process
// whose children report their own peak RSS (see cmd/launch for why).
type launcher struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
	dir string // the directory the programs run in; "" for the runner's
}

func newLauncher(path string) (*launcher, error) {
	return newLauncherEnv(path, os.Environ())
}

// newLauncherEnv starts a launcher whose programs get env (without
// BENCH_N, which the launcher sets for each).
func newLauncherEnv(path string, env []string) (*launcher, error) {
	cmd := exec.Command(path)
	cmd.Env = []string{}
	for _, kv := range env {
		if !strings.HasPrefix(kv, spec.EnvN+"=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return &launcher{cmd: cmd, in: in, out: bufio.NewReader(out)}, nil
}

func (l *launcher) close() error {
	l.in.Close()
	return l.cmd.Wait()
}

// run runs b once with n commands, output to /dev/null, and returns its
// sample and exit code.
func (l *launcher) run(b binary, n int, args []string) (sample, int, error) {
	req := strconv.Itoa(n) + "\t" + b.path
	for _, a := range args {
		req += "\t" + a
	}
	if _, err := io.WriteString(l.in, req+"\n"); err != nil {
		return sample{}, 0, err
	}
	reply, err := l.out.ReadString('\n')
	if err != nil {
		return sample{}, 0, fmt.Errorf("launch: %w", err)
	}
	var wall, rss, least int64
	var code int
	if _, err := fmt.Sscan(reply, &wall, &rss, &code, &least); err != nil {
		return sample{}, 0, fmt.Errorf("%s: launch: %s", b.name, strings.TrimSpace(reply))
	}
	return sample{wall: time.Duration(wall), rss: rss, least: least}, code, nil
}

// chdir makes the programs run in dir from now on; "" is the directory
// the runner started in.
func (l *launcher) chdir(dir string) error {
	if dir == l.dir {
		return nil
	}
	target := dir
	if target == "" {
		wd, err := os.Getwd()
		if err != nil {
			return err
		}
		target = wd
	}
	if _, err := io.WriteString(l.in, "cd\t"+target+"\n"); err != nil {
		return err
	}
	reply, err := l.out.ReadString('\n')
	if err != nil {
		return fmt.Errorf("launch: %w", err)
	}
	if strings.TrimSpace(reply) != "ok" {
		return fmt.Errorf("launch: cd %s: %s", target, strings.TrimSpace(reply))
	}
	l.dir = dir
	return nil
}

// hwm returns the launcher's own peak RSS in KiB since it last started a
// program: the least peak RSS a program can be seen to have.
func (l *launcher) hwm() (int64, error) {
	if _, err := io.WriteString(l.in, "hwm\n"); err != nil {
		return 0, err
	}
	reply, err := l.out.ReadString('\n')
	if err != nil {
		return 0, err
	}
	return strconv.ParseInt(strings.TrimSpace(reply), 10, 64)
}

// runDirect runs b once, capturing its output, to check it.
func runDirect(b binary, n int, args []string, out, errOut *bytes.Buffer) (int, error) {
	cmd := exec.Command(b.path, args...)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, spec.EnvN+"=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, spec.EnvN+"="+strconv.Itoa(n))
	cmd.Stdout, cmd.Stderr = out, errOut
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), nil
	}
	return 0, err
}

// verify runs every program in every scenario once, at the smallest and
// the largest N, and checks what it prints; the same for the completion
// scenario, on the programs that run it.
func verify(b *builds) error {
	for _, prog := range libs {
		for _, n := range []int{10, 10000} {
			for _, sc := range spec.Scenarios {
				if err := check(b.progs[prog], n, sc); err != nil {
					return err
				}
			}
		}
	}
	for _, prog := range completionProgs {
		for _, n := range []int{10, 10000} {
			if err := checkCompletion(b.progs[prog], prog, n); err != nil {
				return err
			}
		}
	}
	// plughost with a PATH finder does what plughost does; the installed
	// tool, outside a project with its own cmd/tool (here, in the bench
	// module, which requires plughost), runs its own commands.
	for _, n := range []int{10, 10000} {
		for _, sc := range spec.Scenarios {
			if err := check(b.progs[pathProg], n, sc); err != nil {
				return err
			}
		}
	}
	if err := check(b.progs[installProg], 10, spec.Scenarios[0]); err != nil {
		return err
	}
	for _, bn := range b.mycli {
		var out, errOut bytes.Buffer
		if code, err := runDirect(bn, 1, []string{"greet", "gopher"}, &out, &errOut); err != nil || code != 0 || out.String() != "Hello, gopher!\n" {
			return fmt.Errorf("%s: exit %d, %v: %q %q", bn.name, code, err, out.String(), errOut.String())
		}
	}
	for name, bn := range b.one {
		var out, errOut bytes.Buffer
		if code, err := runDirect(bn, 1, []string{"hello", "--name", "gopher"}, &out, &errOut); err != nil || code != 0 || out.String() != "Hello, gopher!\n" {
			return fmt.Errorf("one-command %s: exit %d, %v: %q %q", name, code, err, out.String(), errOut.String())
		}
	}
	return nil
}

func check(b binary, n int, sc spec.Scenario) error {
	var out, errOut bytes.Buffer
	args := sc.Args(n)
	code, err := runDirect(b, n, args, &out, &errOut)
	if err != nil {
		return err
	}
	fail := func(what string) error {
		return fmt.Errorf("%s, N=%d, %s %q: %s (exit %d)\nstdout: %.300s\nstderr: %.300s", b.name, n, sc.Name, args, what, code, out.String(), errOut.String())
	}
	if !sc.OK(code) {
		return fail("unexpected exit code")
	}
	var want bytes.Buffer
	switch sc.Name {
	case "dispatch":
		spec.Report(&want, spec.Name(n-1), "gopher", true, 3, []string{"arg"})
	case "lenders":
		spec.Report(&want, spec.Big, "gopher", true, 3, []string{"arg"})
	case "help":
		for _, s := range []string{spec.Name(0), spec.Name(n - 1), spec.Big} {
			if !strings.Contains(out.String(), s+" ") {
				return fail("help does not list " + s)
			}
		}
		return nil
	case "unknown":
		if !strings.Contains(out.String()+errOut.String(), spec.Name(n-1)) {
			return fail("no suggestion of " + spec.Name(n-1))
		}
		return nil
	}
	if out.String() != want.String() {
		return fail(fmt.Sprintf("want stdout %q", want.String()))
	}
	return nil
}

// measure times every scenario at every N, the programs of a round in an
// order that turns by one each round.
func measure(c config, b *builds, p *launcher) ([]*cell, error) {
	var cells []*cell
	for _, sc := range spec.Scenarios {
		for _, n := range c.sizes {
			progs := slices.Clone(core)
			if sc.Name == "lenders" {
				progs = append(progs, directProg)
			}
			start := time.Now()
			cl, err := interleave(p, b, sc, n, progs, peers, c.rounds, c.peerRounds)
			if err != nil {
				return nil, err
			}
			logf("  %-10s N=%-5d %3d rounds in %5.1fs: plughost %s, floor %s", sc.Name, n, c.rounds,
				time.Since(start).Seconds(), cl.median(plugProg).Round(time.Microsecond), cl.median(floorProg).Round(time.Microsecond))
			cells = append(cells, cl)
		}
	}
	return cells, nil
}

// measureCgo times the N=10 dispatch of plughost built three ways, beside
// the stdlib-only program and the floor.
func measureCgo(c config, b *builds, p *launcher) (*cell, error) {
	if !b.cgo {
		return nil, nil
	}
	progs := []string{plugProg, cgoProg, netgoProg, stdlibProg, floorProg}
	return interleave(p, b, spec.Scenarios[0], 10, progs, nil, c.cgoRounds, 0)
}

// measureStartup times the start-up breakdown: the probes beside the
// floor and plughost, dispatching at N=10.
func measureStartup(c config, b *builds, p *launcher) (*cell, error) {
	progs := []string{floorProg}
	for _, pr := range probes {
		progs = append(progs, pr.name)
	}
	progs = append(progs, plugProg)
	return interleave(p, b, spec.Scenarios[0], 10, progs, nil, c.cgoRounds, 0)
}

// interleave runs rounds of progs, and of extra in the first extraRounds
// of them, one process at a time, after one warm-up run of each: every
// program runs sc's command line.
func interleave(p *launcher, b *builds, sc spec.Scenario, n int, progs, extra []string, rounds, extraRounds int) (*cell, error) {
	return interleaveRuns(p, b, sc.Name, n, entrants(sc, n, progs), entrants(sc, n, extra), rounds, extraRounds)
}

// entrant is one program's part in a cell's rounds: its samples go under
// key, and it runs prog's binary with args, whose exit code ok accepts,
// in dir ("" for the runner's directory). A cell's entrants need not run
// the same command line, nor in the same directory.
type entrant struct {
	key, prog string
	args      []string
	ok        func(code int) bool
	dir       string
}

// entrants are progs running sc at n, each under its own name.
func entrants(sc spec.Scenario, n int, progs []string) []entrant {
	es := make([]entrant, len(progs))
	for i, prog := range progs {
		es[i] = entrant{key: prog, prog: prog, args: sc.Args(n), ok: sc.OK}
	}
	return es
}

// interleaveRuns is interleave for entrants that may run different
// command lines.
func interleaveRuns(p *launcher, b *builds, scenario string, n int, progs, extra []entrant, rounds, extraRounds int) (*cell, error) {
	cl := &cell{scenario: scenario, n: n, samples: map[string][]sample{}}
	all := append(slices.Clone(progs), extra...)
	for _, e := range all {
		if err := p.chdir(e.dir); err != nil {
			return nil, err
		}
		if _, _, err := p.run(b.progs[e.prog], n, e.args); err != nil {
			return nil, err
		}
	}
	for r := range rounds {
		list := progs
		if r < extraRounds {
			list = all
		}
		k := r % len(list)
		order := append(slices.Clone(list[k:]), list[:k]...)
		for _, e := range order {
			if err := p.chdir(e.dir); err != nil {
				return nil, err
			}
			s, code, err := p.run(b.progs[e.prog], n, e.args)
			if err != nil {
				return nil, err
			}
			if !e.ok(code) {
				return nil, fmt.Errorf("%s, N=%d, %s %q: exit code %d", e.key, n, scenario, e.args, code)
			}
			cl.samples[e.key] = append(cl.samples[e.key], s)
		}
	}
	return cl, nil
}

// The completion scenario's cells hold the floor's and plughost's
// dispatch beside the completions: the floor has no completion, and the
// target compares plughost's completion with the floor's dispatch.
const (
	// floorDispatch is the floor running the dispatch scenario; its key
	// is the floor's own, so that ratios "to the floor" read as elsewhere.
	floorDispatch = floorProg
	// plugDispatch is plughost running the dispatch scenario, beside its
	// completion, to say what completing costs over dispatching.
	plugDispatch = "plughost (dispatch)"
)

// completionProgs are the programs that run the completion scenario, in
// table order: plughost and cobra in cobra's protocol, urfave in its own.
// kong has no completion of its own (only through third-party packages,
// each with a protocol of its own), so it is left out.
var completionProgs = []string{plugProg, cobraProg, urfaveProg}

// completionArgs is the completion scenario's command line for prog.
func completionArgs(prog string, n int) []string {
	if prog == urfaveProg {
		return spec.CompletionURfave(n)
	}
	return spec.Completion.Args(n)
}

// completionEntrants are the completion scenario's core programs (the
// floor's and plughost's dispatch, plughost's completion) and its peers
// (cobra's and urfave's completion), at n.
func completionEntrants(n int) (core, extra []entrant) {
	dispatch := spec.Scenarios[0]
	core = []entrant{
		{key: floorDispatch, prog: floorProg, args: dispatch.Args(n), ok: dispatch.OK},
		{key: plugDispatch, prog: plugProg, args: dispatch.Args(n), ok: dispatch.OK},
	}
	for _, prog := range completionProgs {
		e := entrant{key: prog, prog: prog, args: completionArgs(prog, n), ok: spec.Completion.OK}
		if prog == plugProg {
			core = append(core, e)
		} else {
			extra = append(extra, e)
		}
	}
	return core, extra
}

// measureCompletion times the completion scenario at every N: the core
// programs every round, cobra and urfave in the first peerRounds.
func measureCompletion(c config, b *builds, p *launcher) ([]*cell, error) {
	var cells []*cell
	for _, n := range c.sizes {
		core, extra := completionEntrants(n)
		start := time.Now()
		cl, err := interleaveRuns(p, b, spec.Completion.Name, n, core, extra, c.rounds, c.peerRounds)
		if err != nil {
			return nil, err
		}
		logf("  %-10s N=%-5d %3d rounds in %5.1fs: plughost %s, floor's dispatch %s", spec.Completion.Name, n, c.rounds,
			time.Since(start).Seconds(), cl.median(plugProg).Round(time.Microsecond), cl.median(floorDispatch).Round(time.Microsecond))
		cells = append(cells, cl)
	}
	return cells, nil
}

// checkCompletion runs prog's completion once at n and checks its answer:
// exactly spec.CompletionFlags as candidates, --name described as the
// program declares it, and, in cobra's protocol, the directive line
// ":4" last.
func checkCompletion(b binary, prog string, n int) error {
	var out, errOut bytes.Buffer
	args := completionArgs(prog, n)
	code, err := runDirect(b, n, args, &out, &errOut)
	if err != nil {
		return err
	}
	fail := func(what string) error {
		return fmt.Errorf("%s, N=%d, %s %q: %s (exit %d)\nstdout: %.300s\nstderr: %.300s", b.name, n, spec.Completion.Name, args, what, code, out.String(), errOut.String())
	}
	if !spec.Completion.OK(code) {
		return fail("unexpected exit code")
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	sep := "\t" // cobra's protocol: value<TAB>description, then :DIRECTIVE
	if prog == urfaveProg {
		sep = ":" // urfave/cli's: value:description, no directive
	} else {
		want := ":" + strconv.Itoa(spec.CompleteDirective)
		if last := lines[len(lines)-1]; last != want {
			return fail(fmt.Sprintf("last line %q, want the directive %q", last, want))
		}
		lines = lines[:len(lines)-1]
	}
	var got []string
	for _, l := range lines {
		value, desc, _ := strings.Cut(l, sep)
		got = append(got, value)
		if value == "--"+spec.FlagString && desc != "a string" {
			return fail(fmt.Sprintf("--%s described as %q, want %q", spec.FlagString, desc, "a string"))
		}
	}
	want := slices.Clone(spec.CompletionFlags)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		return fail(fmt.Sprintf("candidates %q, want %q", got, want))
	}
	return nil
}

// measurePathFinder times the dispatch scenario at every N on plughost
// with and without a pathplugins.Finder, interleaved: the host asks the
// Finder only when no compiled-in command answers, so a dispatch should
// not see it.
func measurePathFinder(c config, b *builds, p *launcher) ([]*cell, error) {
	var cells []*cell
	sc := spec.Scenarios[0]
	for _, n := range c.sizes {
		start := time.Now()
		cl, err := interleave(p, b, sc, n, []string{plugProg, pathProg}, nil, c.rounds, 0)
		if err != nil {
			return nil, err
		}
		med, _, _ := cl.ratio(pathProg, plugProg)
		logf("  %-10s N=%-5d %3d rounds in %5.1fs: plughost %s, with a PATH finder %s (%.3f×)", sc.Name, n, c.rounds,
			time.Since(start).Seconds(), cl.median(plugProg).Round(time.Microsecond), cl.median(pathProg).Round(time.Microsecond), med)
		cells = append(cells, cl)
	}
	return cells, nil
}
