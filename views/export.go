package views

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/macun-tui/macun-tui/data"
)

// ExportText is tabs as plain text at width o.Width: each tab exactly as
// the screen shows it (header and whole body), then a Sources block with
// the source sentence of every figure shown. No escape codes.
func ExportText(ds *data.Dataset, tabs []string, o Options) string {
	parts := textParts(ds, tabs, o)
	n := 0
	for _, p := range parts {
		for _, l := range p {
			n += len(l) + 1
		}
	}
	var b strings.Builder
	b.Grow(n + len(parts))
	writeParts(&b, parts)
	return b.String()
}

// WriteText writes what ExportText returns to w, without holding it all
// in memory at once.
func WriteText(w io.Writer, ds *data.Dataset, tabs []string, o Options) error {
	bw := bufio.NewWriterSize(w, 8<<10)
	writeParts(bw, textParts(ds, tabs, o))
	return bw.Flush()
}

// textParts lays out the lines of each tab and of the sources, side by
// side, one goroutine each: they share only the dataset, whose caches are
// built once under sync.Once.
func textParts(ds *data.Dataset, tabs []string, o Options) [][]string {
	st := PlainStyles()
	parts := make([][]string, len(tabs)+1)
	var wg sync.WaitGroup
	for i, tab := range tabs {
		wg.Go(func() { parts[i] = TabText(ds, tab, o, st) })
	}
	wg.Go(func() { parts[len(tabs)] = SourcesBlock(ds, tabs, o) })
	wg.Wait()
	return parts
}

// writeParts writes the parts a blank line apart, each line without its
// trailing spaces.
func writeParts(w io.StringWriter, parts [][]string) {
	for i, p := range parts {
		if i > 0 {
			w.WriteString("\n")
		}
		for _, l := range p {
			w.WriteString(strings.TrimRight(l, " "))
			w.WriteString("\n")
		}
	}
}

// SourcesBlock lists the source sentence of every figure of the tabs,
// wrapped to the width: each sentence once, after the ids of the figures
// it states and its paragraph in the article.
func SourcesBlock(ds *data.Dataset, tabs []string, o Options) []string {
	l := o.Lang
	w := max(o.Width, 1)
	out := []string{Fit(MsgSources.In(l)+" · "+ds.Meta.Source.In(l), w)}
	var sources []string
	ids := map[string][]string{}
	seen := map[string]bool{}
	for _, tab := range tabs {
		for _, f := range ds.FiguresOfTab(tab) {
			if seen[f.ID] {
				continue
			}
			seen[f.ID] = true
			if _, ok := ids[f.Source]; !ok {
				sources = append(sources, f.Source)
			}
			ids[f.Source] = append(ids[f.Source], f.ID)
		}
	}
	for _, src := range sources {
		head := strings.Join(ids[src], ", ") + ":"
		if p := ds.ParagraphOf(src); p > 0 {
			head = strings.Join(ids[src], ", ") + " " + glue("("+fmt.Sprintf(MsgParagraph.In(l), p)+"):")
		}
		out = append(out, hanging("- ", head, w)...)
		out = append(out, hanging("  ", src, w)...)
	}
	if o.ASCII {
		for i := range out {
			out[i] = ASCIISafe(out[i])
		}
	}
	return out
}

// rankUnit is a figure's unit, with the scope of a rank.
func rankUnit(f *data.Figure, l data.Lang) string {
	u := f.Unit.In(l)
	if f.Rank != nil {
		u += " · " + f.Rank.Scope.In(l)
	}
	return u
}

// plainNumber is a value as a plain number string ("" when unset): no
// separators, no rounding.
func plainNumber(f *data.Figure) string {
	if f.Value == nil {
		return ""
	}
	return strconv.FormatFloat(*f.Value, 'f', -1, 64)
}

// Markdown texts.
var (
	MsgMDUnit    = Msg{ZH: "单位", EN: "Unit"}
	MsgMDDerived = Msg{ZH: "推算", EN: "Derived"}
	MsgMDYes     = Msg{ZH: "是", EN: "yes"}
)

// mdEscape makes s safe inside a Markdown table cell or list item: the
// characters Markdown would read as markup are escaped (a cell's pipes
// above all) and line breaks become spaces.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '|', '*', '_', '`', '<', '>', '[', ']', '#':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n', '\r':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdTable writes a GitHub-flavoured table; cells are escaped here.
func mdTable(b *strings.Builder, head []string, rows [][]string) {
	row := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + mdEscape(c) + " |")
		}
		b.WriteString("\n")
	}
	row(head)
	b.WriteString("|")
	for range head {
		b.WriteString(" --- |")
	}
	b.WriteString("\n")
	for _, r := range rows {
		row(r)
	}
	b.WriteString("\n")
}

// ExportMarkdown is tabs as Markdown: a heading per tab (# title) and per
// group (## title), a table of each group's figures, the projects table
// on the projects tab, the strategy and the notes on the source text on
// the overview tab, and a list of the tab's sources. Labels are in
// o.Lang; width, mode and ASCII do not apply.
func ExportMarkdown(ds *data.Dataset, tabs []string, o Options) string {
	l := o.Lang
	var b strings.Builder
	b.WriteString("**" + mdEscape(ds.Meta.Title.In(l)) + "** · " + mdEscape(ds.Meta.Source.In(l)) + "\n\n")
	for _, tab := range tabs {
		t, _ := data.TabByID(tab)
		b.WriteString("# " + mdEscape(t.Title.In(l)) + "\n\n")
		head := []string{MsgColLabel.In(l), MsgColValue.In(l), MsgMDUnit.In(l), MsgColPeriod.In(l),
			MsgColCompare.In(l), MsgMDDerived.In(l), MsgColSource.In(l)}
		for _, g := range ds.GroupsOf(tab) {
			figs := ds.FiguresOf(g)
			if len(figs) == 0 {
				continue
			}
			b.WriteString("## " + mdEscape(g.Title.In(l)) + "\n\n")
			var rows [][]string
			for _, f := range figs {
				cmp, der := "", ""
				if f.Comparison != nil {
					cmp = f.Comparison.In(l)
				}
				if f.IsDerived() {
					der = MsgMDYes.In(l) + ": " + f.Derived.Formula
				}
				rows = append(rows, []string{f.Label.In(l), FormatNumber(f, l), rankUnit(f, l),
					f.Period.In(l), cmp, der, SourceRef(ds, f.Source)})
			}
			mdTable(&b, head, rows)
			if g.Note != nil {
				b.WriteString(mdEscape(g.Note.In(l)) + "\n\n")
			}
		}
		if tab == "projects" && len(ds.Projects) > 0 {
			b.WriteString("## " + mdEscape(MsgProjects.In(l)) + "\n\n")
			var rows [][]string
			for i := range ds.Projects {
				p := &ds.Projects[i]
				rows = append(rows, []string{p.Name.In(l), data.CategoryName(p.Category).In(l),
					data.StageName(p.Stage).In(l), p.Status.In(l), SourceRef(ds, p.Source)})
			}
			mdTable(&b, []string{MsgColProject.In(l), MsgColCategory.In(l), MsgColStage.In(l),
				MsgColStatus.In(l), MsgColSource.In(l)}, rows)
		}
		if tab == "overview" {
			mdStructures(&b, ds, l)
			mdNotes(&b, ds, l)
		}
		mdSources(&b, ds, tab, l)
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func mdStructures(b *strings.Builder, ds *data.Dataset, l data.Lang) {
	if len(ds.Structures) == 0 {
		return
	}
	b.WriteString("## " + mdEscape(MsgStrategy.In(l)) + "\n\n")
	sep := " · "
	if l == data.ZH {
		sep = "、"
	}
	for i := range ds.Structures {
		s := &ds.Structures[i]
		head := "**" + mdEscape(s.Name.In(l)) + "**"
		if s.Declared > 0 && s.Declared != len(s.Items) {
			head += " (" + mdEscape(fmt.Sprintf(MsgDeclared.In(l), s.Declared, len(s.Items))) + ")"
		}
		names := make([]string, len(s.Items))
		for j, x := range s.Items {
			names[j] = mdEscape(x.In(l))
		}
		b.WriteString("- " + head + ": " + strings.Join(names, sep) + "\n")
	}
	b.WriteString("\n")
}

func mdNotes(b *strings.Builder, ds *data.Dataset, l data.Lang) {
	if len(ds.Notes) == 0 {
		return
	}
	b.WriteString("## " + mdEscape(MsgNotes.In(l)) + "\n\n")
	for i := range ds.Notes {
		n := &ds.Notes[i]
		b.WriteString("- **" + mdEscape(data.NoteKindName(n.Kind).In(l)) + "**: " + mdEscape(n.Text.In(l)) + "\n")
	}
	b.WriteString("\n")
}

func mdSources(b *strings.Builder, ds *data.Dataset, tab string, l data.Lang) {
	figs := ds.FiguresOfTab(tab)
	if len(figs) == 0 {
		return
	}
	b.WriteString("## " + mdEscape(MsgSources.In(l)) + "\n\n")
	for _, f := range figs {
		ref := "`" + f.ID + "`"
		if p := ds.ParagraphOf(f.Source); p > 0 {
			ref += " (" + fmt.Sprintf(MsgParagraph.In(l), p) + ")"
		}
		b.WriteString("- " + ref + ": " + mdEscape(f.Source) + "\n")
	}
	b.WriteString("\n")
}

// CSVHeader is the header row of ExportCSV.
var CSVHeader = []string{"tab", "id", "label", "value", "unit", "period", "comparison", "derived", "formula", "source"}

// ExportCSV is one row per figure per tab (a figure shown on two tabs has
// two rows), after a header row: RFC 4180 quoting, UTF-8 without a BOM,
// labels in o.Lang, values as plain numbers, derived as true or false.
func ExportCSV(ds *data.Dataset, tabs []string, o Options) (string, error) {
	l := o.Lang
	var b strings.Builder
	w := csv.NewWriter(&b)
	if err := w.Write(CSVHeader); err != nil {
		return "", err
	}
	for _, tab := range tabs {
		for _, f := range ds.FiguresOfTab(tab) {
			cmp, formula := "", ""
			if f.Comparison != nil {
				cmp = f.Comparison.In(l)
			}
			if f.IsDerived() {
				formula = f.Derived.Formula
			}
			rec := []string{tab, f.ID, f.Label.In(l), plainNumber(f), f.Unit.In(l), f.Period.In(l),
				cmp, strconv.FormatBool(f.IsDerived()), formula, f.Source}
			if err := w.Write(rec); err != nil {
				return "", err
			}
		}
	}
	w.Flush()
	return b.String(), w.Error()
}

// JSONExport is the document of ExportJSON. Labels are in Language only;
// source sentences are the article's own (Chinese) words in either.
type JSONExport struct {
	Meta     JSONMeta  `json:"meta"`
	Language data.Lang `json:"language"`
	Tabs     []JSONTab `json:"tabs"`
}

// JSONMeta describes the dataset.
type JSONMeta struct {
	Title  string `json:"title"`
	Region string `json:"region"`
	Source string `json:"source"`
}

// JSONTab is one tab: its figures and, where the tab shows them, the
// projects, the strategy structures and the notes on the source text.
type JSONTab struct {
	ID         string          `json:"id"`
	Title      string          `json:"title"`
	Figures    []JSONFigure    `json:"figures"`
	Projects   []JSONProject   `json:"projects,omitempty"`
	Structures []JSONStructure `json:"structures,omitempty"`
	Notes      []JSONNote      `json:"notes,omitempty"`
}

// JSONFigure is a figure. Comparison and Formula are null when absent.
type JSONFigure struct {
	ID         string   `json:"id"`
	Label      string   `json:"label"`
	Value      *float64 `json:"value"`
	Unit       string   `json:"unit"`
	Period     string   `json:"period"`
	Comparison *string  `json:"comparison"`
	Derived    bool     `json:"derived"`
	Formula    *string  `json:"formula"`
	RankScope  string   `json:"rank_scope,omitempty"`
	Source     string   `json:"source"`
	Paragraph  int      `json:"paragraph,omitempty"`
}

// JSONProject is a project.
type JSONProject struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Category  string   `json:"category"`
	Stage     string   `json:"stage"`
	Status    string   `json:"status"`
	Covers    string   `json:"covers,omitempty"`
	Programs  []string `json:"programs,omitempty"`
	Figures   []string `json:"figures,omitempty"`
	Source    string   `json:"source"`
	Paragraph int      `json:"paragraph,omitempty"`
}

// JSONStructure is a strategy list.
type JSONStructure struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Declared int      `json:"declared,omitempty"`
	Items    []string `json:"items"`
	Source   string   `json:"source"`
}

// JSONNote is a note on the source text.
type JSONNote struct {
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Text  string `json:"text"`
	Quote string `json:"quote"`
}

// ExportJSON is the tabs as one JSON document (JSONExport), indented with
// two spaces, labels in o.Lang.
func ExportJSON(ds *data.Dataset, tabs []string, o Options) (string, error) {
	l := o.Lang
	doc := JSONExport{
		Meta:     JSONMeta{Title: ds.Meta.Title.In(l), Region: ds.Meta.Region.In(l), Source: ds.Meta.Source.In(l)},
		Language: l,
		Tabs:     []JSONTab{},
	}
	for _, tab := range tabs {
		t, _ := data.TabByID(tab)
		jt := JSONTab{ID: tab, Title: t.Title.In(l), Figures: []JSONFigure{}}
		for _, f := range ds.FiguresOfTab(tab) {
			jf := JSONFigure{ID: f.ID, Label: f.Label.In(l), Value: f.Value, Unit: f.Unit.In(l),
				Period: f.Period.In(l), Derived: f.IsDerived(), Source: f.Source, Paragraph: ds.ParagraphOf(f.Source)}
			if f.Comparison != nil {
				c := f.Comparison.In(l)
				jf.Comparison = &c
			}
			if f.IsDerived() {
				x := f.Derived.Formula
				jf.Formula = &x
			}
			if f.Rank != nil {
				jf.RankScope = f.Rank.Scope.In(l)
			}
			jt.Figures = append(jt.Figures, jf)
		}
		if tab == "projects" {
			for i := range ds.Projects {
				p := &ds.Projects[i]
				jp := JSONProject{ID: p.ID, Name: p.Name.In(l), Category: data.CategoryName(p.Category).In(l),
					Stage: data.StageName(p.Stage).In(l), Status: p.Status.In(l), Figures: p.Figures,
					Source: p.Source, Paragraph: ds.ParagraphOf(p.Source)}
				if p.Covers != nil {
					jp.Covers = p.Covers.In(l)
				}
				for _, x := range p.Programs {
					jp.Programs = append(jp.Programs, x.In(l))
				}
				jt.Projects = append(jt.Projects, jp)
			}
		}
		if tab == "overview" {
			for i := range ds.Structures {
				s := &ds.Structures[i]
				js := JSONStructure{ID: s.ID, Name: s.Name.In(l), Declared: s.Declared, Items: []string{}, Source: s.Source}
				for _, x := range s.Items {
					js.Items = append(js.Items, x.In(l))
				}
				jt.Structures = append(jt.Structures, js)
			}
			for i := range ds.Notes {
				n := &ds.Notes[i]
				jt.Notes = append(jt.Notes, JSONNote{ID: n.ID, Kind: data.NoteKindName(n.Kind).In(l), Text: n.Text.In(l), Quote: n.Quote})
			}
		}
		doc.Tabs = append(doc.Tabs, jt)
	}
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return "", err
	}
	return string(out) + "\n", nil
}
