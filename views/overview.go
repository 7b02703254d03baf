package views

// overviewTab: the headline rankings and key shares at a glance, then the
// strategy and the notes on the source text.
func overviewTab(b *builder) {
	b.standard()
	b.structures()
	b.notes()
}
