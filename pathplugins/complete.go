package pathplugins

import (
	"bufio"
	"bytes"
	"context"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// Bounds on completing a plugin's arguments.
const (
	// completeTimeout bounds a completion when the host's context has no
	// deadline of its own.
	completeTimeout = 5 * time.Second
	// completeWait bounds how long a completion that was stopped, or a
	// child of it holding its output, is waited for.
	completeWait = time.Second
	// maxOutput bounds what is read of a completion's output.
	maxOutput = 1 << 20
	// maxCandidates bounds the candidates it gives.
	maxCandidates = 10000
)

// CompleteArgs completes the command's arguments by running what the
// plugin declared: Helper with args and the word being completed, or the
// command's own executable with "__complete", args and the word, as cobra
// programs answer. Either prints one candidate a line ("value" or
// "value\tdescription"), and may end with a ":N" line of cobra's
// directive bits, which is dropped. It runs with the Finder's environment
// and no input, until ctx's deadline (5 s when ctx has none); what it
// prints to stderr, and any candidate past the 10000th or the first MiB,
// is dropped. A completion that fails, or that would nest plugins beyond
// MaxDepth, gives no candidates.
func (c *CompletingExecutable) CompleteArgs(ctx context.Context, args []string, toComplete string) []string {
	if ctx == nil {
		ctx = context.Background()
	}
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, completeTimeout)
		defer cancel()
	}
	f := c.finder()
	depth, err := f.checkDepth()
	if err != nil || c.problem != nil {
		return nil
	}
	path := c.Helper
	argv := append(append([]string(nil), args...), toComplete)
	if path == "" {
		path, argv = c.Path, append([]string{"__complete"}, argv...)
	}
	for _, a := range argv {
		if strings.IndexByte(a, 0) >= 0 {
			return nil
		}
	}
	out := &capped{max: maxOutput}
	cmd := exec.CommandContext(ctx, path, argv...)
	cmd.Env = f.env(depth)
	cmd.Stdout = out
	cmd.WaitDelay = completeWait
	if err := cmd.Run(); err != nil {
		return nil
	}
	return candidates(out.Bytes())
}

// candidates are the lines of a completion's output, without empty lines,
// cobra's active help, and a last line of directive bits.
func candidates(out []byte) []string {
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 0, 4096), maxOutput)
	for sc.Scan() && len(lines) <= maxCandidates {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "_activeHelp_ ") {
			continue
		}
		lines = append(lines, line)
	}
	if n := len(lines); n > 0 && strings.HasPrefix(lines[n-1], ":") {
		if _, err := strconv.Atoi(lines[n-1][1:]); err == nil {
			lines = lines[:n-1]
		}
	}
	if len(lines) > maxCandidates {
		lines = lines[:maxCandidates]
	}
	return lines
}

// capped is a buffer that keeps the first max bytes written to it and
// drops the rest, so that a plugin printing without end neither fills
// memory nor fails on a closed pipe.
type capped struct {
	bytes.Buffer
	max int
}

func (c *capped) Write(p []byte) (int, error) {
	if room := c.max - c.Len(); room > 0 {
		c.Buffer.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}
