module github.com/plughost/plughost

go 1.24.0

require (
	github.com/gobuffalo/here v0.6.7
	github.com/google/go-cmp v0.7.0
	github.com/markbates/safe v1.0.1
	github.com/spf13/pflag v1.0.10
)
