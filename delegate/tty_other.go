//go:build unix && !linux && !darwin

package delegate

// inForeground reports false: on this platform Run does not ask the
// terminal, and relays every signal it catches.
func inForeground() bool { return false }
