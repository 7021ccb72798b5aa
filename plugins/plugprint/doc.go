// Package plugprint renders the help of a plughost tool and of its
// commands. It prints plain data that the host has already gathered from
// the plugins, so printing never calls into a plugin and cannot fail
// halfway because of one.
//
// It imports the standard library only.
package plugprint
