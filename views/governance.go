package views

// governanceTab: striving upward, micro-grid governance, services.
func governanceTab(b *builder) { b.standard() }
