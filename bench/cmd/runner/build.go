package main

import (
	"bufio"
	"bytes"
	"debug/elf"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// The programs of the comparison, in the order tables show them.
const (
	floorProg   = "floor"
	stdlibProg  = "stdlib"
	plugProg    = "plughost"
	directProg  = "plughost-direct"
	bareProg    = "plughost-bare" // one-command tool only: a zero-value Host, no built-ins
	cobraProg   = "cobra"
	urfaveProg  = "urfave"
	kongProg    = "kong"
	pathProg    = "plughost-path" // plughost with a pathplugins.Finder appended
	installProg = "installed"     // the installed tool of the delegation measurement
	cgoProg     = "plughost (cgo default)"
	netgoProg   = "plughost (cgo, -tags netgo,osusergo)"
	oneToolsDir = "one"

	probeEmpty  = "probe/empty"        // does nothing
	probePflag  = "probe/pflag"        // imports pflag
	probeSignal = "probe/signal"       // imports pflag, calls signal.Notify and Stop
	probeCli    = "probe/cli-import"   // imports plughost/cli
	probeRun    = "probe/plughost-run" // the plughost program through cli.Run, with its signal handling
)

// probes are the start-up breakdown's programs, by directory under
// cmd/probe, in the order the table shows them.
var probes = []struct{ dir, name string }{
	{"empty", probeEmpty},
	{"pflag", probePflag},
	{"signal", probeSignal},
	{"cli-import", probeCli},
	{"plughost-run", probeRun},
}

// core programs run every round; peers only the first peerRounds.
var (
	core  = []string{floorProg, stdlibProg, plugProg}
	peers = []string{cobraProg, urfaveProg, kongProg}
	libs  = []string{floorProg, stdlibProg, plugProg, directProg, cobraProg, urfaveProg, kongProg}
)

// binary is one built program.
type binary struct {
	name    string
	path    string
	size    int64
	dynamic bool // links libc: has an ELF interpreter
}

type builds struct {
	progs  map[string]binary // the comparison's programs, CGO_ENABLED=0
	one    map[string]binary // the one-command tools, CGO_ENABLED=0
	oneC   map[string]binary // the one-command tools, cgo default
	cgo    bool              // whether a cgo build was possible
	launch string            // cmd/launch
	mycli  []binary          // examples/mycli, the README's example tool: static, then (if possible) the cgo default
}

// build builds every program into bin.
func build(benchDir, bin string) (*builds, error) {
	b := &builds{progs: map[string]binary{}, one: map[string]binary{}, oneC: map[string]binary{}}
	nocgo := []string{"CGO_ENABLED=0"}
	l, err := goBuild(benchDir, bin, "launch", "./cmd/launch", nocgo)
	if err != nil {
		return nil, err
	}
	b.launch = l.path
	for _, name := range libs {
		bn, err := goBuild(benchDir, bin, name, "./cmd/"+name, nocgo)
		if err != nil {
			return nil, err
		}
		b.progs[name] = bn
	}
	for _, name := range []string{pathProg, installProg} {
		bn, err := goBuild(benchDir, bin, name, "./cmd/"+name, nocgo)
		if err != nil {
			return nil, err
		}
		b.progs[name] = bn
	}
	for _, pr := range probes {
		bn, err := goBuild(benchDir, filepath.Join(bin, "probe"), pr.name, "./cmd/probe/"+pr.dir, nocgo)
		if err != nil {
			return nil, err
		}
		b.progs[pr.name] = bn
	}
	for _, name := range []string{floorProg, stdlibProg, plugProg, bareProg, cobraProg, urfaveProg, kongProg} {
		bn, err := goBuild(benchDir, filepath.Join(bin, oneToolsDir), name, "./cmd/one/"+name, nocgo)
		if err != nil {
			return nil, err
		}
		b.one[name] = bn
	}

	// The README's example tool, built as the README says a tool should
	// be: statically.
	mycli, err := goBuild(filepath.Join(benchDir, ".."), filepath.Join(bin, "mycli"), "examples/mycli (CGO_ENABLED=0)", "./examples/mycli", nocgo)
	if err != nil {
		return nil, err
	}
	b.mycli = append(b.mycli, mycli)

	// The cgo default: pflag imports net, so with a C compiler on the
	// PATH the default build links libc.
	if _, err := exec.LookPath("gcc"); err != nil {
		logf("no gcc on the PATH: skipping the cgo builds")
		return b, nil
	}
	b.cgo = true
	withCgo := []string{"CGO_ENABLED=1"}
	if b.progs[cgoProg], err = goBuild(benchDir, filepath.Join(bin, "cgo"), cgoProg, "./cmd/plughost", withCgo); err != nil {
		return nil, err
	}
	if b.progs[netgoProg], err = goBuild(benchDir, filepath.Join(bin, "netgo"), netgoProg, "./cmd/plughost", withCgo, "-tags", "netgo,osusergo"); err != nil {
		return nil, err
	}
	for _, name := range []string{plugProg, cobraProg} {
		if b.oneC[name], err = goBuild(benchDir, filepath.Join(bin, "one-cgo"), name, "./cmd/one/"+name, withCgo); err != nil {
			return nil, err
		}
	}
	if mycli, err = goBuild(filepath.Join(benchDir, ".."), filepath.Join(bin, "mycli-cgo"), "examples/mycli (cgo default)", "./examples/mycli", withCgo); err != nil {
		return nil, err
	}
	b.mycli = append(b.mycli, mycli)
	return b, nil
}

func goBuild(dir, outDir, name, pkg string, env []string, flags ...string) (binary, error) {
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return binary{}, err
	}
	out := filepath.Join(outDir, filepath.Base(pkg))
	args := append([]string{"build", "-o", out}, flags...)
	cmd := exec.Command("go", append(args, pkg)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return binary{}, fmt.Errorf("go build %s: %v\n%s", pkg, err, msg)
	}
	st, err := os.Stat(out)
	if err != nil {
		return binary{}, err
	}
	f, err := elf.Open(out)
	if err != nil {
		return binary{}, err
	}
	defer f.Close()
	dynamic := false
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			dynamic = true
		}
	}
	return binary{name: name, path: out, size: st.Size(), dynamic: dynamic}, nil
}

// machineInfo is what RESULTS.md says the numbers were measured on.
type machineInfo struct {
	cpu       string
	cores     int
	goVersion string
	kernel    string
	cgoEnv    string // go env CGO_ENABLED
}

func machine() (machineInfo, error) {
	m := machineInfo{cores: runtime.NumCPU(), cpu: "unknown CPU"}
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		s := bufio.NewScanner(f)
		for s.Scan() {
			if k, v, ok := strings.Cut(s.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				m.cpu = strings.TrimSpace(v)
				break
			}
		}
		f.Close()
	}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.kernel = "Linux " + strings.TrimSpace(string(b))
	}
	v, err := exec.Command("go", "version").Output()
	if err != nil {
		return m, fmt.Errorf("go version: %w", err)
	}
	m.goVersion = strings.TrimSpace(string(v))
	e, err := exec.Command("go", "env", "CGO_ENABLED").Output()
	if err == nil {
		m.cgoEnv = string(bytes.TrimSpace(e))
	}
	return m, nil
}
