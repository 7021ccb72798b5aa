// Package plugflag turns the standard library flag sets that plugins declare
// into the flags a command offers: a command's own flags, with one-letter
// flags bound to the same variable as a long flag becoming its shorthand,
// and the flags other plugins lend it, renamed "<plugin>-<flag>".
//
// It also holds the richer values pflag users expect, written against the
// standard library's flag.Value so that a plugin needs no other import:
// Count (-vvv) and Strings (repeated --tag a --tag b).
//
// It imports the standard library only.
package plugflag
