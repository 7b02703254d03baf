package views

// projectsTab: investment and funds, then every project with its stage.
func projectsTab(b *builder) {
	b.standard()
	b.heading(MsgProjects.In(b.o.Lang))
	b.projectTable(b.o.Mode == ModeTable)
}
