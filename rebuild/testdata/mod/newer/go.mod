module example.com/newer

go 1.24

require github.com/plughost/plughost v1.3.0
