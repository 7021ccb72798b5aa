module example.com/greeter-project

go 1.24.0

require github.com/plughost/plughost v0.0.0

require (
	github.com/gobuffalo/here v0.6.7 // indirect
	github.com/markbates/safe v1.0.1 // indirect
	github.com/spf13/pflag v1.0.10 // indirect
)

replace github.com/plughost/plughost => ../..
