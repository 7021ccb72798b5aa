module example.com/future

go 1.99

require github.com/plughost/plughost v0.0.0
