package views

// urbanRuralTab: villages reached, the EOD project's reach, rural works.
func urbanRuralTab(b *builder) { b.standard() }
