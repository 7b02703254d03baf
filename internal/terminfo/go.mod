module github.com/xo/terminfo

go 1.26.8
