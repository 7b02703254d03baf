package data

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestDisplayGolden lists every figure of the dataset as it prints, in
// Chinese and English, with its value in base units: the one formatter's
// output, to read by eye (go test ./data -update rewrites it).
func TestDisplayGolden(t *testing.T) {
	var b strings.Builder
	for _, f := range Default().Figures {
		fmt.Fprintf(&b, "%-36s %s | %s | %s\n", f.ID, f.Display(ZH), f.Display(EN), strings.TrimSpace(f.BaseValue()+" "+f.Base))
	}
	golden.RequireEqual(t, []byte(b.String()))
}

func TestDisplay(t *testing.T) {
	num := func(v float64) *float64 { return &v }
	two := 2
	yuan := Text{ZH: "亿元", EN: "100 million yuan"}
	for _, c := range []struct {
		f      Figure
		zh, en string
		base   string
	}{
		// a decimal shift, never a rounding: 5.1 × 1e8 in floating point is 509999999.99999994
		{Figure{Value: num(5.1), Unit: yuan, Base: "yuan"}, "5.1亿元", "510 million yuan", "510000000"},
		{Figure{Value: num(103), Unit: yuan, Base: "yuan"}, "103亿元", "10.3 billion yuan", "10300000000"},
		{Figure{Value: num(0.0123), Unit: yuan, Base: "yuan"}, "0.0123亿元", "1.23 million yuan", "1230000"},
		{Figure{Value: num(0.00004567), Unit: yuan, Base: "yuan"}, "0.00004567亿元", "4,567 yuan", "4567"},
		{Figure{Value: num(1234.5678), Unit: yuan, Base: "yuan"}, "1234.5678亿元", "123.45678 billion yuan", "123456780000"},
		{Figure{Value: num(2.7), Unit: Text{ZH: "万件", EN: "10,000 matters"}, Base: "count"}, "2.7万件", "27,000 matters", "27000"},
		{Figure{Value: num(2406), Unit: Text{ZH: "名", EN: "people"}, Base: "people"}, "2406名", "2,406 people", "2406"},
		{Figure{Value: num(999), Unit: Text{ZH: "名", EN: "people"}, Base: "people"}, "999名", "999 people", "999"},
		{Figure{Value: num(1234567.25), Unit: Text{ZH: "亩", EN: "mu"}, Base: "mu"}, "1234567.25亩", "1,234,567.25 mu", "1234567.25"},
		{Figure{Value: num(30), Unit: Text{ZH: "平方公里", EN: "square kilometres"}, Base: "km2"}, "30平方公里", "30 sq km", "30"},
		{Figure{Value: num(44.4), Unit: Text{ZH: "%", EN: "%"}}, "44.4%", "44.4%", ""},
		{Figure{Value: num(15.7), Unit: Text{ZH: "个百分点", EN: "percentage points"}}, "15.7个百分点", "15.7 percentage points", ""},
		{Figure{Value: num(1), Rank: &Rank{Scope: Text{ZH: "全市城区", EN: "the city's urban districts"}}}, "全市城区第一", "first among the city's urban districts", ""},
		{Figure{Value: num(3), Rank: &Rank{Scope: Text{ZH: "全市", EN: "the whole city"}}}, "全市第三", "third in the whole city", ""},
		{Figure{Value: num(12), Rank: &Rank{Scope: Text{ZH: "全省", EN: "the province"}}}, "全省第12", "12th in the province", ""},
		{Figure{Value: num(22), Rank: &Rank{Scope: Text{ZH: "全省", EN: "the province"}}}, "全省第22", "22nd in the province", ""},
		{Figure{Value: num(150), Unit: yuan, Base: "yuan", Bound: &Status{Kind: "over", Cue: "突破"}}, "突破150亿元", "more than 15 billion yuan", "15000000000"},
		{Figure{Value: num(8), Unit: Text{ZH: "个", EN: "projects"}, Base: "count", Bound: &Status{Kind: "over", Cue: "8个以上"}}, "8个以上", "more than 8 projects", "8"},
		{Figure{Value: num(3), Unit: Text{ZH: "万人", EN: "10,000 people"}, Base: "people", Bound: &Status{Kind: "about", Cue: "约"}}, "约3万人", "about 30,000 people", "30000"},
		// derived: rounded to its decimals at load
		{Figure{Value: num(28.7), Unit: Text{ZH: "%", EN: "%"}, Derived: &Derived{Decimals: &two}}, "28.70%", "28.70%", ""},
	} {
		if zh, en, base := c.f.Display(ZH), c.f.Display(EN), c.f.BaseValue(); zh != c.zh || en != c.en || base != c.base {
			t.Errorf("Display = %q, %q, base %q; want %q, %q, %q", zh, en, base, c.zh, c.en, c.base)
		}
	}
}

func TestRoundHalfAway(t *testing.T) {
	for _, c := range []struct {
		v    float64
		d    int
		want float64
	}{{28.7, 1, 28.7}, {2.25, 1, 2.3}, {2.35, 1, 2.4}, {27000.0 / 2406, 0, 11}, {27000.0 / 2406, 2, 11.22}, {0.5, 0, 1}, {0, 3, 0}, {1e15, 0, 1e15}} {
		if got := roundHalfAway(c.v, c.d); got != c.want {
			t.Errorf("roundHalfAway(%v, %d) = %v, want %v", c.v, c.d, got, c.want)
		}
	}
}

// TestStage: a project's stage is the furthest status its milestones
// state; a projection or a target is not progress.
func TestStage(t *testing.T) {
	ds := Default()
	for id, want := range map[string]string{
		"bio-park": "done", "eod": "done", "baihe-lake": "under-way", "logistics-hub": "under-way",
		"tongren": "imminent", "joincare-4aa": "", "four-centres": "", "school-parking": "", "service-centre": "",
	} {
		p, ok := ds.Project(id)
		if !ok {
			t.Fatalf("no project %s", id)
		}
		if got := p.Stage(); got != want {
			t.Errorf("%s: stage %q, want %q", id, got, want)
		}
	}
	ms := func(kinds ...string) *Project {
		p := &Project{}
		for _, k := range kinds {
			p.Milestones = append(p.Milestones, Milestone{Status: Status{Kind: k}})
		}
		return p
	}
	for _, c := range []struct {
		p    *Project
		want string
	}{
		{ms("projection", "target"), ""}, {ms("projection", "planned"), "planned"}, {ms("planned", "imminent"), "imminent"},
		{ms("imminent", "under-way", "planned"), "under-way"}, {ms("under-way", "done", "projection"), "done"}, {ms(), ""},
	} {
		if got := c.p.Stage(); got != c.want {
			t.Errorf("stage of %v = %q, want %q", c.p.Milestones, got, c.want)
		}
	}
	if StageName("").EN != "not stated" || StageName("done").EN != "step completed" {
		t.Errorf("stage names %q, %q", StageName("").EN, StageName("done").EN)
	}
}

// TestRankTile: a rank tile's position is in figures and its scope is the
// rest of the display, so that the two read as the display does.
func TestRankTile(t *testing.T) {
	num := func(v float64) *float64 { return &v }
	for _, c := range []struct {
		v              float64
		scope          Text
		zhPos, zhScope string
		enPos, enScope string
	}{
		{1, Text{ZH: "全市城区", EN: "the city's urban districts"}, "第1", "全市城区", "1st", "among the city's urban districts"},
		{2, Text{ZH: "全市城区", EN: "the city's urban districts"}, "第2", "全市城区", "2nd", "among the city's urban districts"},
		{3, Text{ZH: "全市", EN: "the whole city"}, "第3", "全市", "3rd", "in the whole city"},
		{11, Text{ZH: "全省", EN: "the province"}, "第11", "全省", "11th", "in the province"},
		{22, Text{ZH: "全省", EN: "the province"}, "第22", "全省", "22nd", "in the province"},
	} {
		f := Figure{Value: num(c.v), Rank: &Rank{Scope: c.scope}}
		if p, s := f.RankTile(ZH); p != c.zhPos || s != c.zhScope {
			t.Errorf("%v zh = %q %q, want %q %q", c.v, p, s, c.zhPos, c.zhScope)
		}
		if p, s := f.RankTile(EN); p != c.enPos || s != c.enScope {
			t.Errorf("%v en = %q %q, want %q %q", c.v, p, s, c.enPos, c.enScope)
		}
		if !strings.HasSuffix(f.Display(EN), " "+c.enScope) || !strings.HasPrefix(f.Display(ZH), c.zhScope) {
			t.Errorf("%v: the tile's scope is not the display's: %q, %q", c.v, f.Display(EN), f.Display(ZH))
		}
	}
	if p, s := (&Figure{Value: num(1)}).RankTile(EN); p != "" || s != "" {
		t.Errorf("a figure that is not a rank: %q %q", p, s)
	}
}
