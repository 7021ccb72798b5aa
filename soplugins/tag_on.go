//go:build plughost_so

package soplugins

// tagged reports whether this build has the plughost_so tag.
const tagged = true
