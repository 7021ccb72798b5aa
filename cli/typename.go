package cli

import "fmt"

// typeName is the Go type of v, as errors name it.
func typeName(v any) string { return fmt.Sprintf("%T", v) }
