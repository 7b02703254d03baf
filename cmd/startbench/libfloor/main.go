// Command libfloor is a yardstick of the process benchmarks
// (cmd/startbench): a program that links the libraries macun-tui links,
// runs their package initialisation, and prints the text the benchmarks
// wait for, doing nothing of its own. Its start is the least any program
// on this stack costs; the benchmarks report it next to the hello-world,
// so that what is the libraries' and what is macun-tui's can be told
// apart. Keep the imports in step with the non-macun-tui imports of the
// main, cmd, internal/termbg, model, views and data packages
// (TestFloorImports checks).
package main

import (
	"fmt"

	_ "github.com/NimbleMarkets/ntcharts/canvas/runes"
	_ "github.com/charmbracelet/bubbles/help"
	_ "github.com/charmbracelet/bubbles/key"
	_ "github.com/charmbracelet/bubbles/textinput"
	_ "github.com/charmbracelet/bubbletea"
	_ "github.com/charmbracelet/lipgloss"
	_ "github.com/charmbracelet/x/ansi"
	_ "github.com/charmbracelet/x/term"
	_ "github.com/lrstanley/bubblezone"
	_ "github.com/mattn/go-isatty"
	_ "github.com/mattn/go-runewidth"
	_ "github.com/muesli/ansi"
	_ "github.com/muesli/termenv"
	_ "github.com/spf13/cobra"
	_ "github.com/spf13/cobra/doc"
	_ "github.com/spf13/pflag"
	_ "golang.org/x/sys/unix"
)

func main() {
	// The tab bar and footer texts the start benchmark waits for.
	fmt.Println("[1 Overview] English ·")
}
