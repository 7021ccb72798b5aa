package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// benchResult is one line of go test -bench -benchmem output.
type benchResult struct {
	name   string // without the -GOMAXPROCS suffix
	iters  int
	ns     float64 // per op
	bytes  float64 // per op
	allocs float64 // per op
}

// goBench runs every benchmark of pkg, in dir, and returns them by name.
func goBench(dir string, c config, pkg string) (map[string]benchResult, error) {
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", ".", "-benchmem", "-benchtime", c.benchtime, pkg)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go test -bench in %s: %v\n%s%s", dir, err, out, stderr.Bytes())
	}
	res, err := parseBench(out)
	if err != nil {
		return nil, err
	}
	byName := map[string]benchResult{}
	for _, r := range res {
		byName[r.name] = r
	}
	return byName, nil
}

// focus is the in-process target: New+Main at N=1,000, plughost against
// the floor, each repetition of the one right after the other's.
type focus struct {
	floor, plughost []benchResult
}

// ratio returns the median of the pair-by-pair ratios of ns/op.
func (f *focus) ratio() float64 {
	rs := make([]float64, 0, len(f.floor))
	for i := range min(len(f.floor), len(f.plughost)) {
		rs = append(rs, f.plughost[i].ns/f.floor[i].ns)
	}
	return quantile(rs, 0.5)
}

func medianOf(rs []benchResult, field func(benchResult) float64) float64 {
	xs := make([]float64, len(rs))
	for i, r := range rs {
		xs[i] = field(r)
	}
	return quantile(xs, 0.5)
}

// goBenchFocus builds the bench module's test binary once and runs the
// floor's and plughost's dispatch at N=1,000 alternately, c.count times.
func goBenchFocus(dir string, c config) (*focus, error) {
	tmp, err := os.MkdirTemp("", "plughost-bench-test-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	exe := filepath.Join(tmp, "bench.test")
	build := exec.Command("go", "test", "-c", "-o", exe, ".")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go test -c: %v\n%s", err, out)
	}
	f := &focus{}
	for range c.count {
		for _, prog := range []string{floorProg, plugProg} {
			cmd := exec.Command(exe, "-test.run", "^$", "-test.bench", "^BenchmarkNewMain$/^dispatch$/^"+prog+"$/^N=1000$",
				"-test.benchmem", "-test.benchtime", c.benchtime)
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			if err != nil {
				return nil, fmt.Errorf("%s: %v\n%s", exe, err, out)
			}
			res, err := parseBench(out)
			if err != nil || len(res) != 1 {
				return nil, fmt.Errorf("%s: want one result, got %d (%v)\n%s", exe, len(res), err, out)
			}
			if prog == floorProg {
				f.floor = append(f.floor, res[0])
			} else {
				f.plughost = append(f.plughost, res[0])
			}
		}
	}
	return f, nil
}

// parseBench reads the result lines of go test -bench -benchmem.
func parseBench(out []byte) ([]benchResult, error) {
	var res []benchResult
	s := bufio.NewScanner(bytes.NewReader(out))
	for s.Scan() {
		fields := strings.Fields(s.Text())
		if len(fields) < 4 || !strings.HasPrefix(fields[0], "Benchmark") {
			continue
		}
		r := benchResult{name: fields[0]}
		if i := strings.LastIndexByte(r.name, '-'); i > 0 {
			if _, err := strconv.Atoi(r.name[i+1:]); err == nil {
				r.name = r.name[:i]
			}
		}
		var err error
		if r.iters, err = strconv.Atoi(fields[1]); err != nil {
			return nil, fmt.Errorf("bench line %q: %w", s.Text(), err)
		}
		for i := 2; i+1 < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				return nil, fmt.Errorf("bench line %q: %w", s.Text(), err)
			}
			switch fields[i+1] {
			case "ns/op":
				r.ns = v
			case "B/op":
				r.bytes = v
			case "allocs/op":
				r.allocs = v
			}
		}
		res = append(res, r)
	}
	return res, s.Err()
}
