// Command macun-tui is a terminal dashboard of the economic and
// development indicators of Macun District, Jiaozuo, Henan, as reported by
// the Jiaozuo Daily on 1 October 2024. The command line is in package
// cmd.
//
// Exit codes: 0 ok, 1 runtime failure, 2 usage or bad input.
package main

import (
	"os"

	"github.com/macun-tui/macun-tui/cmd"
)

func main() {
	os.Exit(cmd.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
