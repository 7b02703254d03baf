// Package gen writes large, valid macun-tui datasets for benchmarks and
// scale tests: as many projects and figures as asked, spread over every
// tab in charted and table-only groups, with ranks, derived figures,
// comparisons, strategy lists and notes, in both languages. The output
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
	rank      = data.Rank
	derived   = data.Derived
	figure    = data.Figure
	group     = data.Group
	project   = data.Project
	structure = data.Structure
	note      = data.Note
	dataset   = data.Dataset
)

var units = []text{
	{ZH: "亿元", EN: "100 million yuan"},
	{ZH: "%", EN: "%"},
	{ZH: "个", EN: "units"},
	{ZH: "万人", EN: "10 thousand people"},
}

var periods = []text{
	{ZH: "2024年上半年", EN: "2024 H1"},
	{ZH: "2024年1~7月", EN: "2024 Jan–Jul"},
	{ZH: "2023年", EN: "2023"},
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

	noteKinds := sortedKeys(data.NoteKinds())
	nNotes := max(3, min(50, o.Figures/40))
	for i := range nNotes {
		ds.Notes = append(ds.Notes, note{
			ID:    fmt.Sprintf("n%d", i+1),
			Kind:  noteKinds[i%len(noteKinds)],
			Text:  text{ZH: fmt.Sprintf("第%d条说明:原文此处的数字与上文不一致,按较新的数字记录。", i+1), EN: fmt.Sprintf("Note %d: the figure here disagrees with the one above; the newer one is kept.", i+1)},
			Quote: fmt.Sprintf("原文第%d段。", i+1),
		})
	}

	// Figures go to tabs in turn, in groups of groupSize; a group's chart
	// is bar, rank or none in turn. Every figure is in exactly one group.
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
			unit := units[gi%len(units)]
			for k, fi := range members {
				f := figure{
					ID:     fmt.Sprintf("f%d", fi+1),
					Label:  text{ZH: fmt.Sprintf("指标%d号 %s", fi+1, []string{"增速", "总额", "占比", "数量"}[fi%4]), EN: fmt.Sprintf("Indicator %d %s", fi+1, []string{"growth", "total", "share", "count"}[fi%4])},
					Unit:   unit,
					Period: periods[fi%len(periods)],
					Source: fmt.Sprintf("原文第%d句:指标%d号达到相应数值。", fi+1, fi+1),
				}
				switch {
				case chart == data.ChartRank:
					v := float64(1 + r.IntN(12))
					f.Value = &v
					f.Unit = text{ZH: "名", EN: "rank"}
					f.Rank = &rank{Scope: text{ZH: "全市城区", EN: "urban districts"}}
				case k >= 2 && k%4 == 3:
					// derived from the two figures before it in the group
					f.Derived = &derived{Formula: fmt.Sprintf("f%d + f%d", members[k-1]+1, members[k-2]+1)}
				default:
					v := float64(r.IntN(1000000)) / 10
					f.Value = &v
				}
				if fi%5 == 0 {
					f.Comparison = &text{ZH: fmt.Sprintf("同比增长%d%%", 1+fi%30), EN: fmt.Sprintf("up %d%% year on year", 1+fi%30)}
				}
				if fi%17 == 0 {
					f.Notes = []string{ds.Notes[fi%len(ds.Notes)].ID}
				}
				ds.Figures[fi] = f
				g.Figures = append(g.Figures, f.ID)
			}
			ds.Groups = append(ds.Groups, g)
		}
	}

	cats, stages := sortedKeys(data.Categories()), sortedKeys(data.Stages())
	ds.Projects = make([]project, o.Projects)
	for i := range o.Projects {
		p := project{
			ID:       fmt.Sprintf("p%d", i+1),
			Name:     text{ZH: fmt.Sprintf("第%d号产业园建设项目", i+1), EN: fmt.Sprintf("Industrial park project no. %d", i+1)},
			Category: cats[r.IntN(len(cats))],
			Stage:    stages[r.IntN(len(stages))],
			Status:   text{ZH: fmt.Sprintf("一期工程完工%d%%,预计年底前投入使用", r.IntN(100)), EN: fmt.Sprintf("phase 1 is %d%% finished; expected in use by the end of the year", r.IntN(100))},
			Source:   fmt.Sprintf("第%d号产业园建设项目一期完工。", i+1),
		}
		if i%7 == 0 {
			p.Programs = []text{{ZH: "省重点项目", EN: "provincial key projects"}}
		}
		if i%3 == 0 {
			p.Figures = []string{ds.Figures[i%len(ds.Figures)].ID}
		}
		if i%50 == 0 {
			p.Notes = []string{ds.Notes[i%len(ds.Notes)].ID}
		}
		ds.Projects[i] = p
	}

	for i := range max(2, min(20, o.Figures/100)) {
		s := structure{
			ID:     fmt.Sprintf("s%d", i+1),
			Name:   text{ZH: fmt.Sprintf("第%d项发展战略", i+1), EN: fmt.Sprintf("Strategy %d", i+1)},
			Source: fmt.Sprintf("打造第%d项发展战略。", i+1),
		}
		for k := range 3 + i%5 {
			s.Items = append(s.Items, text{ZH: fmt.Sprintf("建设第%d个功能区", k+1), EN: fmt.Sprintf("build functional area %d", k+1)})
		}
		if i%4 == 1 {
			s.Declared = len(s.Items) + 1
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
