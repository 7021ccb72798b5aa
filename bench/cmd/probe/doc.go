// Package probe holds the programs of the start-up breakdown in
// RESULTS.md: each adds one thing to the one before it, so that the
// differences between their times say what a plughost tool's start-up
// spends beyond the floor's.
package probe
