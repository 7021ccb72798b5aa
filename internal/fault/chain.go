package fault

import "reflect"

// MaxChain bounds every walk of an error chain: an error whose Unwrap
// returns itself, or a chain that loops (a wraps b wraps a), is read this
// many errors deep and no further, instead of hanging the host.
const MaxChain = 1000

// Walk calls visit with err and each error it wraps, depth first as
// errors.Is does, until visit returns true or MaxChain errors have been
// visited. It reports whether visit returned true.
func Walk(err error, visit func(error) bool) bool {
	budget := MaxChain
	return walk(err, visit, &budget)
}

func walk(err error, visit func(error) bool, budget *int) bool {
	for err != nil && *budget > 0 {
		*budget--
		if visit(err) {
			return true
		}
		switch x := err.(type) {
		case interface{ Unwrap() error }:
			err = x.Unwrap()
		case interface{ Unwrap() []error }:
			for _, e := range x.Unwrap() {
				if walk(e, visit, budget) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
	return false
}

// Is is errors.Is with the walk bounded.
func Is(err, target error) bool {
	if err == nil || target == nil {
		return err == target
	}
	comparable := reflect.TypeOf(target).Comparable()
	return Walk(err, func(e error) bool {
		if comparable && e == target {
			return true
		}
		x, ok := e.(interface{ Is(error) bool })
		return ok && x.Is(target)
	})
}

// As is errors.As with the walk bounded: it returns the first error in
// err's chain that is a T, or that sets a T through its As method.
func As[T any](err error) (T, bool) {
	var found T
	ok := Walk(err, func(e error) bool {
		if t, ok := e.(T); ok {
			found = t
			return true
		}
		x, ok := e.(interface{ As(any) bool })
		return ok && x.As(&found)
	})
	return found, ok
}
