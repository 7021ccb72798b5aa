package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugflag"
	"github.com/spf13/pflag"
)

// Where a flag's value came from, as SourceNeeder's function and errors
// say it.
const (
	fromCommandLine = "command line"
	fromDefault     = "default"
)

// envName is the variable a flag is read from: the prefix, then the
// flag's name in upper case with every character that is not a letter or
// a digit made "_": MYCLI and --aws-region make MYCLI_AWS_REGION.
func envName(prefix, flag string) string {
	var b strings.Builder
	b.WriteString(prefix)
	b.WriteByte('_')
	for _, c := range flag {
		switch {
		case c >= 'a' && c <= 'z':
			b.WriteRune(c - 'a' + 'A')
		case c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
			b.WriteRune(c)
		default:
			b.WriteByte('_')
		}
	}
	return b.String()
}

// section is the config file section of the command depth names down the
// path res resolved: its names joined by spaces, "" for the tool.
func section(res *resolved, depth int) string { return joinPath(res.at[1 : 1+depth]) }

// configValue is one value a config file gives a flag.
type configValue struct {
	value, file string
	line        int
}

func (v configValue) source() string { return fmt.Sprintf("file %s:%d", v.file, v.line) }

// config is what the run's config files give: by section, then by key,
// the values of the first file that gives the key.
type config map[string]map[string][]configValue

// sources gives every flag of the command res names that the command line
// did not set a value from the environment or, failing that, from the
// config files, each through the flag's own Set, and records where each
// value came from. Precedence: command line, environment, config files,
// the value the field held.
func (r *run) sources(res *resolved) error {
	sets := []*flagSet{res.global}
	if res.cmd != nil && !res.passed {
		sets = append(sets, res.own, res.inherited)
	}
	r.feed.setSources(sets, nil)
	env := r.h.EnvPrefix != "" && r.h.LookupEnv != nil
	if !env && len(r.caps.filers) == 0 && len(r.h.ConfigFiles) == 0 {
		return nil // the command line is the only source
	}
	if err := r.envClashes(sets); err != nil {
		return err
	}
	cfg, err := r.config(res, sets)
	if err != nil {
		return err
	}
	from := map[string]string{} // the flags a source other than the command line set
	for _, s := range sets {
		for i, f := range s.flags {
			if pf := s.pflags[i]; !pf.Changed {
				src, err := r.fromSources(res, f, pf, section(res, s.depths[i]), cfg)
				if err != nil {
					return err
				}
				if src != fromDefault {
					from[f.Name] = src
				}
			}
		}
	}
	r.feed.setSources(sets, from)
	return nil
}

// fromSources sets one flag from the environment or the config files, and
// says where its value came from.
func (r *run) fromSources(res *resolved, f plugflag.Flag, pf *pflag.Flag, section string, cfg config) (string, error) {
	if r.h.EnvPrefix != "" && r.h.LookupEnv != nil {
		name := envName(r.h.EnvPrefix, f.Name)
		if v, ok := r.h.LookupEnv(name); ok {
			src := "env " + name
			return src, r.setFrom(res, f, pf, v, src)
		}
	}
	for _, v := range cfg[section][f.Name] {
		if err := r.setFrom(res, f, pf, v.value, v.source()); err != nil {
			return "", err
		}
	}
	if vs := cfg[section][f.Name]; len(vs) > 0 {
		return vs[0].source(), nil
	}
	return fromDefault, nil
}

// setFrom sets a flag from a source other than the command line, through
// its own Set, so that it is checked as the command line would be.
func (r *run) setFrom(res *resolved, f plugflag.Flag, pf *pflag.Flag, value, src string) error {
	err := pf.Value.Set(value)
	if err == nil {
		pf.Changed = true
		return nil
	}
	if says(err) { // a fault of the plugin's Set
		return err
	}
	msg := badValue(pf, value, src, err)
	if value == "" && f.Bool {
		msg = fmt.Sprintf("flag --%s: %s is empty: want true or false", f.Name, strings.TrimPrefix(src, "env "))
	}
	return &UsageError{Path: joinPath(res.at), Err: kindError{ErrBadFlagValue, msg}}
}

// envClashes reports two flags of one command that one variable would
// set.
func (r *run) envClashes(sets []*flagSet) error {
	if r.h.EnvPrefix == "" {
		return nil
	}
	seen := map[string]plugflag.Flag{}
	for _, s := range sets {
		for _, f := range s.flags {
			name := envName(r.h.EnvPrefix, f.Name)
			if other, ok := seen[name]; ok && other.Name != f.Name {
				site := s.pflags[0].Value.(*pvalue).owner.site("Flags")
				return site.Fault(fmt.Errorf("%w: --%s of plugin %q and --%s of plugin %q are both read from %s", ErrBadPlugin, other.Name, other.Plugin, f.Name, f.Plugin, name))
			}
			seen[name] = f
		}
	}
	return nil
}

// configFiles are the files a run reads: those its ConfigFilers name,
// then the host's, most specific first.
func (r *run) configFiles() ([]string, error) {
	var files []string
	for _, p := range r.caps.filers {
		n, err := r.meet(p)
		if err != nil {
			return nil, err
		}
		var named []string
		if err := r.call(n, "ConfigFiles", func() error { named = p.(plugins.ConfigFiler).ConfigFiles(); return nil }); err != nil {
			return nil, err
		}
		files = append(files, named...)
	}
	return append(files, r.h.ConfigFiles...), nil
}

// config reads the run's config files. A file that does not exist is
// skipped, unless a ConfigFiler named it; a key in the tool's section that
// no global flag has, or in the section of the command being run that it
// has no flag for, is an error naming the file, the line and the nearest
// key.
func (r *run) config(res *resolved, sets []*flagSet) (config, error) {
	files, err := r.configFiles()
	if err != nil || len(files) == 0 {
		return nil, err
	}
	running := ""
	if res.cmd != nil {
		running = joinPath(res.at[1:])
	}
	known := map[string][]string{} // the keys of each section the run checks
	for _, s := range sets {
		for i, f := range s.flags {
			sec := section(res, s.depths[i])
			known[sec] = append(known[sec], f.Name)
		}
	}
	read := r.h.ReadFile
	if read == nil {
		read = os.ReadFile
	}
	cfg := config{}
	named := len(files) - len(r.h.ConfigFiles)
	for i, file := range files {
		data, err := read(file)
		if errors.Is(err, fs.ErrNotExist) && i >= named {
			continue
		}
		if err != nil {
			return nil, &UsageError{Path: r.h.Name(), Err: fmt.Errorf("config file %s: %w", file, err)}
		}
		parser, err := r.parserFor(file)
		if err != nil {
			return nil, err
		}
		given := map[string]bool{} // section + key: this file gave it
		set := func(sec, key, value string, line int) error {
			if keys, checked := known[sec]; checked || sec == "" || sec == running {
				if !contains(keys, key) {
					msg := fmt.Sprintf("%s:%d: unknown key %q", file, line, key)
					if sec != "" {
						msg = fmt.Sprintf("%s:%d: unknown key %q in [%s]", file, line, key, sec)
					}
					if best := closest(key, keys); len(best) > 0 {
						msg += fmt.Sprintf(" (did you mean %q?)", best[0])
					}
					return kindError{ErrUnknownFlag, msg}
				}
			}
			id := sec + "\x00" + key
			if cfg[sec] == nil {
				cfg[sec] = map[string][]configValue{}
			}
			if prior := cfg[sec][key]; len(prior) > 0 && !given[id] {
				return nil // an earlier, more specific file gives it
			}
			given[id] = true
			cfg[sec][key] = append(cfg[sec][key], configValue{value: value, file: file, line: line})
			return nil
		}
		if err := r.parseConfig(parser, file, data, set); err != nil {
			return nil, err
		}
	}
	return cfg, nil
}

// parserFor finds the ConfigParser for a file's extension.
func (r *run) parserFor(file string) (node, error) {
	ext := filepath.Ext(file)
	for _, p := range r.caps.parsers {
		n, err := r.meet(p)
		if err != nil {
			return node{}, err
		}
		var format string
		if err := r.call(n, "ConfigFormat", func() error { format = p.(plugins.ConfigParser).ConfigFormat(); return nil }); err != nil {
			return node{}, err
		}
		if format == ext {
			return n, nil
		}
	}
	return node{}, &UsageError{Path: r.h.Name(), Err: fmt.Errorf("config file %s: no plugin reads %q files", file, ext)}
}

// parse runs a ConfigParser on one file.
func (r *run) parseConfig(n node, file string, data []byte, set func(section, key, value string, line int) error) error {
	var parseErr error
	err := r.call(n, "ParseConfig", func() error {
		parseErr = n.p.(plugins.ConfigParser).ParseConfig(data, set)
		return nil
	})
	if err != nil {
		return err
	}
	if parseErr != nil {
		var ke kindError
		if errors.As(parseErr, &ke) {
			return &UsageError{Path: r.h.Name(), Err: ke}
		}
		return &UsageError{Path: r.h.Name(), Err: fmt.Errorf("config file %s: %w", file, parseErr)}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
