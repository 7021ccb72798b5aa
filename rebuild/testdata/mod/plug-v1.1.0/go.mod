module example.com/plug

go 1.24

require github.com/plughost/plughost v0.0.0
