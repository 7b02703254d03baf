package data

import "testing"

func TestDefaultLoads(t *testing.T) {
	ds := Default()
	f, _ := ds.Figure("city-tech-reform-investment-share")
	if f.V() != 28.7 {
		t.Fatalf("derived = %v", f.V())
	}
	g, _ := ds.Figure("grid-matters-per-worker")
	t.Log(g.V(), len(ds.Article))
}
