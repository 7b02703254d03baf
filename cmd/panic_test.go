package cmd

import (
	"os"

	tea "github.com/charmbracelet/bubbletea"
)

// helperEnv makes the test binary, started by a test, run macun-tui with
// a model that fails as the variable says, instead of the tests (see
// TestMain).
const helperEnv = "MACUN_CMD_TEST_HELPER"

// helper runs macun-tui on the process's streams with a model that fails
// as how says, and returns the exit code.
func helper(how string) int {
	wrapModel = func(m tea.Model) tea.Model {
		if how == "panic-before" {
			panic("a test's panic before the dashboard starts")
		}
		return failingModel{m, how}
	}
	return Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
}

// failingModel is the dashboard's model, which panics on the key !: in
// Update (how "panic"), or in a command it returns ("panic-cmd").
type failingModel struct {
	tea.Model
	how string
}

func (m failingModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == "!" {
		if m.how == "panic-cmd" {
			return m, func() tea.Msg { panic("a test's panic in a command") }
		}
		panic("a test's panic in Update")
	}
	next, cmd := m.Model.Update(msg)
	return failingModel{next, m.how}, cmd
}
