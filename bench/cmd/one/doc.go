// Package one holds the one-command tools whose binary sizes the
// comparison reports: each has a "hello" command with a --name flag,
// written as the library's own README would write it.
package one
