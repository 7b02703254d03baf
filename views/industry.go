package views

// industryTab: quality and efficiency shares, growth against the city
// average, the leading industries.
func industryTab(b *builder) { b.standard() }
