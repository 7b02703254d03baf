// Package gen writes large, valid macun-tui datasets for benchmarks and
// scale tests: as many projects and figures as asked, spread over every
// tab in charted and table-only groups, with ranks, derived figures,
// comparisons, statuses, periods, milestones, honours, claims,
// programmes, strategy lists and notes, in both languages. The output
// passes data.Load's validation; it names no article, so sources are not
// looked up.
package gen

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"

	"github.com/macun-tui/macun-tui/data"
)

// Options say how big a dataset to write.
type Options struct {
	Projects int    // number of projects (>= 0)
	Figures  int    // number of figures (>= 1)
	Seed     uint64 // the same seed writes the same file
}

// groupSize is the number of figures of one group (its chart's bars).
const groupSize = 8

// The file is written with the dataset types themselves, so that it
// cannot drift from the schema.
type (
	text      = data.Text
	quote     = data.Quote
	period    = data.Period
	status    = data.Status
	figure    = data.Figure
	group     = data.Group
	project   = data.Project
	structure = data.Structure
	note      = data.Note
	dataset   = data.Dataset
)

// units are the units of groups, with what they measure and the base unit
// a spreadsheet sums them in.
var units = []struct {
	unit          text
	measure, base string
}{
	{text{ZH: "亿元", EN: "100 million yuan"}, "money", "yuan"},
	{text{ZH: "%", EN: "%"}, "share", ""},
	{text{ZH: "个", EN: "units"}, "count", "count"},
	{text{ZH: "万人", EN: "10,000 people"}, "people", "people"},
}

var periods = []period{
	{Text: text{ZH: "2024年上半年", EN: "first half of 2024"}, Basis: "stated", Cue: "2024年上半年"},
	{Text: text{ZH: "2024年1~7月", EN: "January to July 2024"}, Basis: "stated", Cue: "2024年1~7月"},
	{Text: text{ZH: "2023年", EN: "2023"}, Basis: "inferred", Rule: "last-year", Cue: "去年"},
}

func sortedKeys(ids []string) []string {
	slices.Sort(ids)
	return ids
}

// Build returns the dataset as a value ready to encode.
func build(o Options) (*dataset, error) {
	if o.Figures < 1 {
		return nil, fmt.Errorf("need at least one figure, got %d", o.Figures)
	}
	if o.Projects < 0 {
		return nil, fmt.Errorf("projects must be >= 0, got %d", o.Projects)
	}
	r := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	ds := &dataset{Schema: data.SchemaVersion}
	ds.Meta.Title = text{ZH: "生成的测试数据集", EN: "Generated test dataset"}
	ds.Meta.Region = text{ZH: "测试区", EN: "Test District"}
	ds.Meta.Source = text{ZH: "数据生成器", EN: "dataset generator"}
	ds.Meta.Date = "2024-10-01"

	noteKinds := sortedKeys(data.NoteKinds())
	nNotes := max(len(noteKinds), min(50, o.Figures/40))
	unstated := ""
	for i := range nNotes {
		n := note{
			ID:    fmt.Sprintf("n%d", i+1),
			Kind:  noteKinds[i%len(noteKinds)],
			Text:  text{ZH: fmt.Sprintf("第%d条说明:原文此处的数字与上文不一致,按较新的数字记录。", i+1), EN: fmt.Sprintf("Note %d: the figure here disagrees with the one above; the newer one is kept.", i+1)},
			Quote: fmt.Sprintf("原文第%d段。", i+1),
		}
		if n.Kind == "unstated" && unstated == "" {
			unstated = n.ID
		}
		ds.Notes = append(ds.Notes, n)
	}

	// Figures go to tabs in turn, in groups of groupSize; a group's chart
	// is bar, rank or none in turn, and its figures share a unit and a
	// period. Every figure is in exactly one group.
	tabs := data.Tabs()
	perTab := make([][]int, len(tabs))
	for i := range o.Figures {
		perTab[i%len(tabs)] = append(perTab[i%len(tabs)], i)
	}
	ds.Figures = make([]figure, o.Figures)
	gi := 0
	for ti, t := range tabs {
		idx := perTab[ti]
		for start := 0; start < len(idx); start += groupSize {
			members := idx[start:min(start+groupSize, len(idx))]
			chart := []string{data.ChartBar, data.ChartRank, data.ChartNone}[gi%3]
			gi++
			g := group{
				ID:    fmt.Sprintf("g%d", gi),
				Tab:   t.ID,
				Title: text{ZH: fmt.Sprintf("第%d组指标", gi), EN: fmt.Sprintf("Indicator group %d", gi)},
				Chart: chart,
			}
			u := units[gi%len(units)]
			pe := periods[gi%len(periods)]
			for k, fi := range members {
				f := figure{
					ID:      fmt.Sprintf("f%d", fi+1),
					Measure: u.measure,
					Label:   text{ZH: fmt.Sprintf("指标%d号 %s", fi+1, []string{"增速", "总额", "占比", "数量"}[fi%4]), EN: fmt.Sprintf("Indicator %d %s", fi+1, []string{"growth", "total", "share", "count"}[fi%4])},
					Short:   text{ZH: fmt.Sprintf("指标%d", fi+1), EN: fmt.Sprintf("Indicator %d", fi+1)},
					Unit:    u.unit,
					Base:    u.base,
					Period:  &pe,
				}
				written := ""
				switch {
				case chart == data.ChartRank:
					v := float64(1 + r.IntN(12))
					f.Value, f.Measure, f.Base = &v, "rank", ""
					f.Unit = text{ZH: "名", EN: "rank"}
					f.Rank = &data.Rank{Scope: text{ZH: "全市城区", EN: "the city's urban districts"}}
					written = fmt.Sprintf("全市城区第%v", v)
				case k >= 2 && k%4 == 3:
					// derived from the two figures before it in the group
					zero := 0
					f.Derived = &data.Derived{Formula: fmt.Sprintf("f%d + f%d", members[k-1]+1, members[k-2]+1), Decimals: &zero,
						Caveat: text{ZH: "由两数相加得出。", EN: "The sum of the two figures before it."}}
				default:
					v := float64(r.IntN(1000000)) / 10
					f.Value = &v
					written = fmt.Sprintf("%v%s", v, u.unit.ZH)
				}
				if fi%5 == 0 {
					f.Comparison = &text{ZH: fmt.Sprintf("同比增长%d%%", 1+fi%30), EN: fmt.Sprintf("up %d%% year on year", 1+fi%30)}
				}
				if fi%17 == 0 {
					f.Notes = []string{ds.Notes[fi%len(ds.Notes)].ID}
				}
				plan := ""
				if chart == data.ChartNone && fi%11 == 0 {
					f.Status, plan = &status{Kind: "planned", Cue: "谋划"}, "谋划"
				}
				f.Source = fmt.Sprintf("原文第%d句:%s,%s指标%d号为%s。", fi+1, pe.Cue, plan, fi+1, written)
				f.Translation = fmt.Sprintf("Sentence %d: in %s, indicator %d was %s.", fi+1, pe.EN, fi+1, f.Display(data.EN))
				ds.Figures[fi] = f
				g.Figures = append(g.Figures, f.ID)
			}
			ds.Groups = append(ds.Groups, g)
		}
	}

	for i := range max(2, min(20, o.Figures/100)) {
		ds.Programs = append(ds.Programs, data.Program{
			ID:    fmt.Sprintf("g%d", i+1),
			Kind:  "programme",
			Name:  text{ZH: fmt.Sprintf("第%d号重点工程", i+1), EN: fmt.Sprintf("Key programme no. %d", i+1)},
			Short: text{ZH: fmt.Sprintf("工程%d", i+1), EN: fmt.Sprintf("Programme %d", i+1)},
			Gloss: text{ZH: "区里的重点项目计划。", EN: "The district's programme of key projects."},
			Quote: quote{Source: fmt.Sprintf("实施第%d号重点工程。", i+1), Translation: fmt.Sprintf("Carrying out key programme no. %d.", i+1)},
		})
	}
	for i := range 3 {
		ds.Honours = append(ds.Honours, data.Honour{
			ID: fmt.Sprintf("h%d", i+1), Level: "national", Tab: "governance",
			Title: text{ZH: fmt.Sprintf("全国示范区%d", i+1), EN: fmt.Sprintf("National model area %d", i+1)},
			Short: text{ZH: fmt.Sprintf("示范区%d", i+1), EN: fmt.Sprintf("Model area %d", i+1)},
			Quote: quote{Source: fmt.Sprintf("荣获全国示范区%d称号。", i+1), Translation: fmt.Sprintf("It won the title of National model area %d.", i+1)},
		})
		ds.Claims = append(ds.Claims, data.Claim{
			ID: fmt.Sprintf("c%d", i+1), Kind: "assessment", Tab: tabs[i%len(tabs)].ID,
			Label: text{ZH: fmt.Sprintf("第%d项工作走在前列", i+1), EN: fmt.Sprintf("Work no. %d at the forefront", i+1)},
			Short: text{ZH: fmt.Sprintf("工作%d", i+1), EN: fmt.Sprintf("Work %d", i+1)},
			Quote: quote{Source: fmt.Sprintf("第%d项工作走在前列。", i+1), Translation: fmt.Sprintf("Work no. %d is at the forefront.", i+1)},
		})
	}

	cats := sortedKeys(data.Categories())
	ds.Projects = make([]project, o.Projects)
	for i := range o.Projects {
		q := quote{Source: fmt.Sprintf("第%d号产业园建设项目一期工程完工。", i+1), Translation: fmt.Sprintf("Phase 1 of industrial park project no. %d has been completed.", i+1)}
		p := project{
			ID:       fmt.Sprintf("p%d", i+1),
			Name:     text{ZH: fmt.Sprintf("第%d号产业园建设项目", i+1), EN: fmt.Sprintf("Industrial park project no. %d", i+1)},
			Short:    text{ZH: fmt.Sprintf("产业园%d号", i+1), EN: fmt.Sprintf("Park no. %d", i+1)},
			Category: cats[r.IntN(len(cats))],
			Quote:    q,
		}
		if i%5 == 4 {
			p.Notes = []string{unstated} // no milestone, and a note that says why
		} else {
			p.Milestones = []data.Milestone{{Label: text{ZH: "一期完工", EN: "Phase 1 completed"}, Status: status{Kind: "done", Cue: "完工"},
				Quote: quote{Source: "一期工程完工", Translation: "phase 1 has been completed"}}} // a clause of the sentence
		}
		if i%7 == 0 {
			g := ds.Programs[i%len(ds.Programs)]
			p.Programs = []data.SourcedRef{{ID: g.ID, Quote: g.Quote}}
		}
		if i%3 == 0 {
			p.Figures = []string{ds.Figures[i%len(ds.Figures)].ID}
		}
		if i%50 == 0 {
			p.Notes = append(p.Notes, ds.Notes[i%len(ds.Notes)].ID)
		}
		ds.Projects[i] = p
	}

	for i := range max(2, min(20, o.Figures/100)) {
		s := structure{
			ID:   fmt.Sprintf("s%d", i+1),
			Name: text{ZH: fmt.Sprintf("第%d项发展战略", i+1), EN: fmt.Sprintf("Strategy %d", i+1)},
		}
		src := fmt.Sprintf("打造第%d项发展战略:", i+1)
		for k := range 3 + i%5 {
			s.Items = append(s.Items, data.Item{Text: text{ZH: fmt.Sprintf("建设第%d个功能区", k+1), EN: fmt.Sprintf("Building functional area %d", k+1)}})
			src += s.Items[k].ZH + "、"
		}
		s.Quote = quote{Source: src, Translation: fmt.Sprintf("Building strategy %d: its functional areas.", i+1)}
		if i%4 == 1 {
			n := len(s.Items) + 1
			s.Declared = &n
			s.Notes = []string{ds.Notes[0].ID}
		}
		ds.Structures = append(ds.Structures, s)
	}
	return ds, nil
}

// Write writes a dataset of o's size to w as indented JSON.
func Write(w io.Writer, o Options) error {
	ds, err := build(o)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(ds); err != nil {
		return err
	}
	return bw.Flush()
}
