package data

// Figure returns the figure with the given id.
func (ds *Dataset) Figure(id string) (*Figure, bool) {
	i, ok := ds.figByID[id]
	if !ok {
		return nil, false
	}
	return &ds.Figures[i], true
}

// Note returns the note with the given id.
func (ds *Dataset) Note(id string) (*Note, bool) {
	i, ok := ds.noteByID[id]
	if !ok {
		return nil, false
	}
	return &ds.Notes[i], true
}

// GroupsOf returns the groups of a tab, in file order.
func (ds *Dataset) GroupsOf(tab string) []*Group {
	var gs []*Group
	for i := range ds.Groups {
		if ds.Groups[i].Tab == tab {
			gs = append(gs, &ds.Groups[i])
		}
	}
	return gs
}

// FiguresOf returns the figures of a group, in group order.
func (ds *Dataset) FiguresOf(g *Group) []*Figure {
	fs := make([]*Figure, 0, len(g.Figures))
	for _, id := range g.Figures {
		if f, ok := ds.Figure(id); ok {
			fs = append(fs, f)
		}
	}
	return fs
}

// HomeTab returns the tab a figure is shown on first: the first tab, in
// tab order, with a group that lists it.
func (ds *Dataset) HomeTab(id string) string {
	for _, t := range Tabs {
		for _, g := range ds.GroupsOf(t.ID) {
			for _, f := range g.Figures {
				if f == id {
					return t.ID
				}
			}
		}
	}
	return ""
}
