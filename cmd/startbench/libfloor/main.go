// Command libfloor is a yardstick of the process benchmarks
// (cmd/startbench): a program that links the libraries macun-tui links,
// runs their package initialisation, and shows the texts the benchmarks
// wait for the way macun-tui does, doing nothing of its own. In a terminal
// it runs a Bubble Tea program with macun-tui's options, whose first frame
// is those texts (so it pays what any Bubble Tea v1 program pays for a
// first frame: raw mode, the alternate screen and the renderer's first
// tick at 120 fps); q quits. Otherwise it prints them. Its start is the
// least a dashboard on this stack costs; the benchmarks report it next to
// the hello-world, so that what is the libraries' and what is macun-tui's
// can be told apart. Keep the imports in step with the non-macun-tui
// imports of the main, cmd, internal/termbg, internal/serve,
// internal/termtext, model, views and data packages (TestFloorImports
// checks).
package main

import (
	"fmt"
	"os"

	_ "github.com/NimbleMarkets/ntcharts/barchart"
	_ "github.com/NimbleMarkets/ntcharts/canvas"
	_ "github.com/NimbleMarkets/ntcharts/canvas/runes"
	_ "github.com/aymanbagabas/go-osc52/v2"
	_ "github.com/charmbracelet/bubbles/help"
	_ "github.com/charmbracelet/bubbles/key"
	_ "github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	_ "github.com/charmbracelet/lipgloss"
	_ "github.com/charmbracelet/log"
	_ "github.com/charmbracelet/ssh"
	_ "github.com/charmbracelet/wish"
	_ "github.com/charmbracelet/wish/activeterm"
	_ "github.com/charmbracelet/wish/bubbletea"
	_ "github.com/charmbracelet/x/ansi"
	_ "github.com/charmbracelet/x/ansi/parser"
	_ "github.com/charmbracelet/x/term"
	_ "github.com/go-json-experiment/json"
	_ "github.com/go-json-experiment/json/jsontext"
	"github.com/mattn/go-isatty"
	_ "github.com/mattn/go-runewidth"
	_ "github.com/muesli/termenv"
	_ "github.com/rivo/uniseg"
	_ "github.com/spf13/cobra"
	_ "github.com/spf13/cobra/doc"
	_ "github.com/spf13/pflag"
	_ "golang.org/x/crypto/ssh"
	_ "golang.org/x/sys/unix"
)

// texts are the tab bar and footer texts the start benchmark waits for.
const texts = "[1 Overview] English ·"

type frame struct{}

func (frame) Init() tea.Cmd { return nil }

func (f frame) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == "q" {
		return f, tea.Quit
	}
	return f, nil
}

func (frame) View() string { return texts }

func main() {
	if !isatty.IsTerminal(os.Stdout.Fd()) {
		fmt.Println(texts)
		return
	}
	p := tea.NewProgram(frame{}, tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithFPS(120))
	if _, err := p.Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
