// Command runner is plughost's performance comparison: it builds the same
// program on plughost, cobra, urfave/cli v3, kong, pflag with a lazy map
// (the floor) and the standard library alone, times whole processes side by
// side at N = 10 to 10,000 commands, runs the in-process Go benchmarks, and
// writes RESULTS.md and chart.svg. From the bench directory:
//
//	go run ./cmd/runner          # the full comparison, under ten minutes on 2 cores
//	go run ./cmd/runner -quick   # a smoke run, under a minute once built
//
// See README.md for what each scenario is.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// config is what the flags set.
type config struct {
	quick      bool
	out        string
	sizes      []int
	rounds     int // interleaved rounds for the floor, stdlib and plughost
	peerRounds int // of those, the rounds cobra, urfave and kong take part in
	cgoRounds  int
	benchtime  string
	count      int // repetitions of the in-process benchmarks the targets read
	keep       bool
}

func main() {
	var c config
	flag.BoolVar(&c.quick, "quick", false, "smoke run: N = 10 and 1,000, a few rounds, in-process benchmarks once; writes to a temporary directory unless -out is given")
	flag.StringVar(&c.out, "out", "", "directory to write RESULTS.md and chart.svg to (default: the bench directory, or a temporary one with -quick)")
	flag.IntVar(&c.rounds, "rounds", 201, "interleaved rounds of the floor, stdlib and plughost programs per scenario and N")
	flag.IntVar(&c.peerRounds, "peer-rounds", 21, "how many of those rounds cobra, urfave and kong also run in")
	flag.StringVar(&c.benchtime, "benchtime", "300ms", "-benchtime of the in-process Go benchmarks")
	flag.BoolVar(&c.keep, "keep", false, "keep the built programs, and the delegation projects with their cache, and print where they are")
	flag.Parse()

	c.sizes = []int{10, 100, 1000, 10000}
	c.cgoRounds = 201
	c.count = 7
	if c.quick {
		c.sizes = []int{10, 1000}
		c.rounds, c.peerRounds, c.cgoRounds = 5, 3, 5
		c.benchtime, c.count = "1x", 1
	}
	c.peerRounds = min(c.peerRounds, c.rounds)
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "runner:", err)
		os.Exit(1)
	}
}

func run(c config) error {
	start := time.Now()
	benchDir, err := findBenchDir()
	if err != nil {
		return err
	}
	if c.out == "" {
		c.out = benchDir
		if c.quick {
			if c.out, err = os.MkdirTemp("", "plughost-bench-quick-"); err != nil {
				return err
			}
		}
	}
	bin, err := os.MkdirTemp("", "plughost-bench-bin-")
	if err != nil {
		return err
	}
	if c.keep {
		logf("programs in %s", bin)
	} else {
		defer os.RemoveAll(bin)
	}

	m, err := machine()
	if err != nil {
		return err
	}
	logf("%s, %d cores, %s", m.cpu, m.cores, m.goVersion)

	logf("building the programs")
	b, err := build(benchDir, bin)
	if err != nil {
		return err
	}
	logf("checking what each program prints")
	if err := verify(b); err != nil {
		return err
	}

	logf("writing and building the delegation projects")
	d, err := setupDelegation(filepath.Dir(benchDir), b)
	if !c.keep {
		defer d.close()
	} else if d != nil {
		logf("delegation projects and cache in %s", d.root)
	}
	if err != nil {
		return err
	}

	res := &results{config: c, machine: m, builds: b, repo: repoState(filepath.Dir(benchDir)), delegation: d}
	l, err := newLauncher(b.launch)
	if err != nil {
		return err
	}
	logf("timing whole processes")
	if res.cells, err = measure(c, b, l); err != nil {
		return err
	}
	logf("timing completion against the floor's dispatch")
	if res.completion, err = measureCompletion(c, b, l); err != nil {
		return err
	}
	logf("timing a dispatch with and without a PATH finder")
	if res.pathCells, err = measurePathFinder(c, b, l); err != nil {
		return err
	}
	logf("timing the cgo variants")
	if res.cgo, err = measureCgo(c, b, l); err != nil {
		return err
	}
	logf("timing the start-up breakdown")
	if res.startup, err = measureStartup(c, b, l); err != nil {
		return err
	}
	if res.launchHWM, err = l.hwm(); err != nil {
		return err
	}
	if err := l.close(); err != nil {
		return fmt.Errorf("launch: %w", err)
	}
	logf("timing delegation: the project binary, the installed tool's cache hit, go run")
	if res.delegationCell, err = measureDelegation(c, b, d); err != nil {
		return err
	}
	logf("running the in-process Go benchmarks")
	if res.inproc, err = goBench(benchDir, c, "."); err != nil {
		return err
	}
	if res.focus, err = goBenchFocus(benchDir, c); err != nil {
		return err
	}
	if res.cli, err = goBench(filepath.Dir(benchDir), c, "./cli/"); err != nil {
		return err
	}
	res.took = time.Since(start)

	if err := os.MkdirAll(c.out, 0o755); err != nil {
		return err
	}
	md := filepath.Join(c.out, "RESULTS.md")
	if err := os.WriteFile(md, []byte(res.markdown()), 0o644); err != nil {
		return err
	}
	svg := filepath.Join(c.out, "chart.svg")
	if err := chart(res, svg); err != nil {
		return err
	}
	logf("wrote %s and %s in %s", md, svg, res.took.Round(time.Second))
	return nil
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "runner: "+format+"\n", args...)
}

// findBenchDir returns the bench module's directory: the working
// directory, or its bench sub-directory.
func findBenchDir() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for _, dir := range []string{wd, filepath.Join(wd, "bench")} {
		if _, err := os.Stat(filepath.Join(dir, "cmd", "runner", "main.go")); err == nil {
			return dir, nil
		}
	}
	return "", fmt.Errorf("run me from the bench directory: cd bench && go run ./cmd/runner")
}
