package clitest

import "testing"

// GoldenAt is Golden at a path of the test's choosing, in the mode it
// chooses, so that the tests need neither -update nor testdata of theirs.
func GoldenAt(t testing.TB, path, got string, update bool) { golden(t, path, got, update) }

// Updating reports what Golden reads of -update.
func Updating() bool { return updating() }
