package rebuild

import (
	"errors"
	"io"
	"os"
	"path/filepath"
)

// snapshot holds files as they were, to put them back: a nil content
// stands for a file that did not exist.
type snapshot map[string][]byte

// takeSnapshot reads each of paths.
func takeSnapshot(paths ...string) (snapshot, error) {
	s := snapshot{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if errors.Is(err, os.ErrNotExist) {
			s[p] = nil
			continue
		} else if err != nil {
			return nil, err
		}
		s[p] = b
	}
	return s, nil
}

// restore puts every file back as it was, removing those that did not
// exist.
func (s snapshot) restore() error {
	var errs []error
	for p, b := range s {
		if b == nil {
			if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
				errs = append(errs, err)
			}
			continue
		}
		if err := writeFileAtomic(p, b, 0o644); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// writeFileAtomic writes data to a new file beside path, syncs it and
// renames it over path, so that a reader sees the old file or the new one,
// never half of one. An existing file's permissions are kept.
func writeFileAtomic(path string, data []byte, perm os.FileMode) error {
	if fi, err := os.Stat(path); err == nil {
		perm = fi.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".new-*")
	if err != nil {
		return err
	}
	name := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(perm)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(name, path)
	}
	if err != nil {
		os.Remove(name)
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

// syncDir syncs a directory, so that a rename in it survives a crash. It
// is best effort: not every system can sync a directory.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// staged is a new binary being written beside the one it will replace.
type staged struct {
	target string   // the binary to replace
	f      *os.File // the new one, beside it
	mode   os.FileMode
}

// stage creates the file a new binary for target is written to, in
// target's directory so that a rename can replace target. That it can be
// created is the check that target can be replaced, made before anything
// is built: a failure is an error wrapping ErrNotWritable.
func stage(target string) (*staged, error) {
	mode := os.FileMode(0o755)
	if fi, err := os.Stat(target); err == nil {
		if !fi.Mode().IsRegular() {
			return nil, errorf(ErrNotWritable, "cannot replace %s: it is not a regular file", target)
		}
		mode = fi.Mode().Perm()
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, errorf(ErrNotWritable, "cannot replace %s: %v", target, err)
	}
	f, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".plughost-*")
	if err != nil {
		return nil, errorf(ErrNotWritable, "cannot replace %s: cannot write in %s (%v): run install as a user who can, or install to another path with --output", target, filepath.Dir(target), errors.Unwrap(err))
	}
	return &staged{target: target, f: f, mode: mode}, nil
}

// fill copies the binary at src into the staged file, with the target's
// permissions, and syncs it.
func (s *staged) fill(src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	if err := s.f.Truncate(0); err != nil {
		return err
	}
	if _, err := io.Copy(s.f, in); err != nil {
		return errorf(ErrNotWritable, "writing the new %s: %v", s.target, err)
	}
	if err := s.f.Chmod(s.mode); err != nil {
		return err
	}
	if err := s.f.Sync(); err != nil {
		return err
	}
	return s.f.Close()
}

// path is the staged file's path.
func (s *staged) path() string { return s.f.Name() }

// discard removes the staged file.
func (s *staged) discard() {
	s.f.Close()
	os.Remove(s.f.Name())
}

// backupPath is where the binary a swap replaces is kept.
func backupPath(target string) string { return target + ".old" }

// swap replaces the target with the staged binary and the lock file at
// lockPath with lockData, keeping the old binary at backupPath. A failure
// at any step puts back what was there: the old binary and the old lock.
func (s *staged) swap(lockPath string, lockData []byte) error {
	backup := backupPath(s.target)
	_, statErr := os.Stat(s.target)
	had := statErr == nil
	oldLock, lockErr := os.ReadFile(lockPath)
	hadLock := lockErr == nil
	if had {
		if err := os.Remove(backup); err != nil && !errors.Is(err, os.ErrNotExist) {
			return errorf(ErrNotWritable, "cannot replace %s: removing the old backup: %v", s.target, err)
		}
		if err := os.Rename(s.target, backup); err != nil {
			return errorf(ErrNotWritable, "cannot replace %s: %v", s.target, err)
		}
	}
	restore := func() {
		if had {
			os.Rename(backup, s.target)
		} else {
			os.Remove(s.target)
		}
		if hadLock {
			writeFileAtomic(lockPath, oldLock, 0o644)
		} else {
			os.Remove(lockPath)
		}
		syncDir(filepath.Dir(s.target))
	}
	if err := os.Rename(s.path(), s.target); err != nil {
		restore()
		return errorf(ErrNotWritable, "cannot replace %s: %v", s.target, err)
	}
	if err := writeFileAtomic(lockPath, lockData, 0o644); err != nil {
		restore()
		return errorf(ErrNotWritable, "cannot write %s: %v", lockPath, err)
	}
	syncDir(filepath.Dir(s.target))
	return nil
}
