module example.com/empty

go 1.24

require github.com/plughost/plughost v0.0.0
