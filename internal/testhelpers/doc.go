// Package testhelpers is what plughost's tests share: golden files with an
// -update flag, and func adapters that make a test plugin one line, in the
// way net/http's HandlerFunc makes a handler.
package testhelpers
