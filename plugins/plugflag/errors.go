package plugflag

import "errors"

var (
	// ErrBadFlag reports a flag that cannot be offered on a command line: an
	// empty name, a name with white space, control bytes, "=" or a leading
	// "-", or a nil Value. A lent flag's name is checked once prefixed.
	ErrBadFlag = errors.New("bad flag")

	// ErrDuplicateFlag reports two flags of one name, or of one shorthand,
	// on one command.
	ErrDuplicateFlag = errors.New("duplicate flag")
)
