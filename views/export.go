package views

import (
	"bufio"
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/macun-tui/macun-tui/data"
)

// ExportText is tabs as plain text at width o.Width: each tab exactly as
// the screen shows it (header and whole body), then a Sources block with
// the source sentence of every record shown (in English with its
// translation). No escape codes.
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

// sourced is a source sentence of the records some tabs show, with the ids
// of the records that quote it.
type sourced struct {
	ids []string
	q   data.Quote
}

// tabSources are the sentences the records of tabs quote, each once, in
// the order the tabs show the records (TabRecords): a project's with its
// steps and programmes, a programme's with its further mentions.
func tabSources(ds *data.Dataset, tabs []string) []sourced {
	var out []sourced
	at := map[string]int{}
	add := func(id string, q data.Quote) {
		i, ok := at[q.Source]
		if !ok {
			at[q.Source], i = len(out), len(out)
			out = append(out, sourced{q: q})
		}
		if !slices.Contains(out[i].ids, id) {
			out[i].ids = append(out[i].ids, id)
		}
	}
	for _, tab := range tabs {
		for _, r := range TabRecords(ds, tab) {
			for _, q := range quotes(ds, r) {
				add(r.ID, q)
			}
		}
	}
	return out
}

// quotes are the sentences a record quotes: its own, then its steps',
// its programmes' and its further mentions'. A note quotes none of its
// own: it is about a sentence, not from one.
func quotes(ds *data.Dataset, r Ref) []data.Quote {
	switch r.Kind {
	case KindFigure:
		if f, ok := ds.Figure(r.ID); ok {
			return []data.Quote{f.Quote}
		}
	case KindProject:
		if p, ok := ds.Project(r.ID); ok {
			out := []data.Quote{p.Quote}
			for _, m := range p.Milestones {
				out = append(out, m.Quote)
			}
			for _, g := range p.Programs {
				out = append(out, g.Quote)
			}
			return out
		}
	case KindHonour:
		if h, ok := ds.Honour(r.ID); ok {
			return []data.Quote{h.Quote}
		}
	case KindClaim:
		if c, ok := ds.Claim(r.ID); ok {
			return []data.Quote{c.Quote}
		}
	case KindStructure:
		if x, ok := ds.Structure(r.ID); ok {
			return []data.Quote{x.Quote}
		}
	case KindProgram:
		if g, ok := ds.Program(r.ID); ok {
			return append([]data.Quote{g.Quote}, g.Also...)
		}
	}
	return nil
}

// where is where a sentence stands in the article: "para. 37", with
// "photo caption" for a caption; "" when it is not found.
func where(ds *data.Dataset, source string, l data.Lang) string {
	var parts []string
	if p := ds.ParagraphOf(source); p > 0 {
		parts = append(parts, fmt.Sprintf(MsgParagraph.In(l), p))
	}
	if ds.IsCaption(source) {
		parts = append(parts, MsgDCaption.In(l))
	}
	return strings.Join(parts, ", ")
}

// SourcesBlock lists the sentence behind every record of the tabs, wrapped
// to the width: each sentence once, after the ids of the records that
// quote it and where it stands in the article, and in English followed by
// its translation, labelled.
func SourcesBlock(ds *data.Dataset, tabs []string, o Options) []string {
	l := o.Lang
	w := max(o.Width, 1)
	out := hanging("", MsgSources.In(l)+": "+ds.Meta.Source.In(l), w)
	for _, s := range tabSources(ds, tabs) {
		head := strings.Join(s.ids, ", ") + ":"
		if at := where(ds, s.q.Source, l); at != "" {
			head = strings.Join(s.ids, ", ") + " " + glue("("+at+"):")
		}
		out = append(out, hanging("- ", head, w)...)
		out = append(out, hanging("  ", s.q.Source, w)...)
		if l == data.EN {
			out = append(out, hanging("  ", MsgDTranslation.EN+": "+s.q.Translation, w)...)
		}
	}
	if o.ASCII {
		for i := range out {
			out[i] = ASCIISafe(out[i])
		}
	}
	return out
}

// Markdown texts.
var (
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

// mdList writes a heading and a list of lines (escaped here).
func mdList(b *strings.Builder, heading string, items []string) {
	if len(items) == 0 {
		return
	}
	b.WriteString("## " + mdEscape(heading) + "\n\n")
	for _, it := range items {
		b.WriteString("- " + mdEscape(it) + "\n")
	}
	b.WriteString("\n")
}

// ExportMarkdown is tabs as Markdown, panel by panel as the dashboard
// shows them: a heading per tab (# title) and per panel (## title), a
// table of each group's figures with its note, the projects as a table,
// the lists (honours and claims, the strategy, the programmes, the notes
// on the source text) as lists, and the tab's sources (in English with
// their translations). Labels are in o.Lang; width, mode and ASCII do not
// apply.
func ExportMarkdown(ds *data.Dataset, tabs []string, o Options) string {
	l := o.Lang
	var b strings.Builder
	b.WriteString("**" + mdEscape(ds.Meta.Title.In(l)) + "**: " + mdEscape(ds.Meta.Source.In(l)) + "\n\n")
	for _, tab := range tabs {
		t, _ := data.TabByID(tab)
		b.WriteString("# " + mdEscape(t.Title.In(l)) + "\n\n")
		for _, p := range Panels(ds, tab) {
			mdPanel(&b, ds, p, l)
		}
		mdSources(&b, ds, tab, l)
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// mdPanel writes a panel: a table of figures or projects, or a list.
func mdPanel(b *strings.Builder, ds *data.Dataset, p Panel, l data.Lang) {
	switch {
	case p.Group != nil:
		b.WriteString("## " + mdEscape(p.Title.In(l)) + "\n\n")
		head := []string{MsgColLabel.In(l), MsgColValue.In(l), MsgColPeriod.In(l), MsgDStatus.In(l),
			MsgColCompare.In(l), MsgMDDerived.In(l), MsgColSource.In(l)}
		var rows [][]string
		for _, r := range p.Refs {
			f, _ := ds.Figure(r.ID)
			cmp, der := "", ""
			if f.Comparison != nil {
				cmp = f.Comparison.In(l)
			}
			if f.IsDerived() {
				der = MsgMDYes.In(l) + ": " + f.Derived.Formula + "; " + f.Derived.Caveat.In(l)
			}
			rows = append(rows, []string{f.Label.In(l), FormatValue(f, l), f.Period.In(l), statusText(f.Status, l),
				cmp, der, SourceRef(ds, f.Source)})
		}
		mdTable(b, head, rows)
		if p.Group.Note != nil {
			b.WriteString(mdEscape(p.Group.Note.In(l)) + "\n\n")
		}
	case p.Form == "projects":
		b.WriteString("## " + mdEscape(MsgProjects.In(l)) + "\n\n")
		var rows [][]string
		for _, r := range p.Refs {
			pr, _ := ds.Project(r.ID)
			rows = append(rows, []string{pr.Name.In(l), data.CategoryName(pr.Category).In(l),
				data.StageName(pr.Stage()).In(l), progress(pr, l), SourceRef(ds, pr.Source)})
		}
		mdTable(b, []string{MsgColProject.In(l), MsgColCategory.In(l), MsgColStage.In(l),
			MsgColProgress.In(l), MsgColSource.In(l)}, rows)
	default:
		var lines []string
		for _, r := range p.Refs {
			lines = append(lines, refLine(ds, r, l))
		}
		mdList(b, p.Title.In(l), lines)
	}
}

// mdSources lists the sentences behind the tab's records; in English each
// has its translation in a nested item.
func mdSources(b *strings.Builder, ds *data.Dataset, tab string, l data.Lang) {
	srcs := tabSources(ds, []string{tab})
	if len(srcs) == 0 {
		return
	}
	b.WriteString("## " + mdEscape(MsgSources.In(l)) + "\n\n")
	for _, s := range srcs {
		ref := "`" + strings.Join(s.ids, "`, `") + "`"
		if at := where(ds, s.q.Source, l); at != "" {
			ref += " (" + at + ")"
		}
		b.WriteString("- " + ref + ": " + mdEscape(s.q.Source) + "\n")
		if l == data.EN {
			b.WriteString("  - " + MsgDTranslation.EN + ": " + mdEscape(s.q.Translation) + "\n")
		}
	}
	b.WriteString("\n")
}

// Record is one row of the CSV export and one record of the JSON one: a
// figure, project, project milestone, honour, claim or programme, with
// both languages side by side. Period is NotStated where a figure, claim,
// programme or milestone has none.
type Record struct {
	Kind        string         `json:"kind"`
	ID          string         `json:"id"`
	Tab         string         `json:"tab"`
	Group       string         `json:"group,omitzero"`
	Label       data.Text      `json:"label"`
	Short       *data.Text     `json:"short,omitzero"`
	Value       *float64       `json:"value,omitzero"`
	Unit        *data.Text     `json:"unit,omitzero"`
	Display     *data.Text     `json:"display,omitzero"`
	BaseValue   jsontext.Value `json:"base_value,omitzero"`
	BaseUnit    string         `json:"base_unit,omitzero"`
	Bound       string         `json:"bound,omitzero"`
	RankScope   *data.Text     `json:"rank_scope,omitzero"`
	Measure     string         `json:"measure,omitzero"`
	Category    string         `json:"category,omitzero"`
	Level       string         `json:"level,omitzero"`
	Stage       string         `json:"stage,omitzero"`
	Status      string         `json:"status,omitzero"`
	StatusCue   string         `json:"status_cue,omitzero"`
	Period      *data.Text     `json:"period,omitzero"`
	PeriodBasis string         `json:"period_basis,omitzero"`
	PeriodRule  string         `json:"period_rule,omitzero"`
	Comparison  *data.Text     `json:"comparison,omitzero"`
	Derived     bool           `json:"derived"`
	Formula     string         `json:"formula,omitzero"`
	Decimals    *int           `json:"decimals,omitzero"`
	Caveat      *data.Text     `json:"caveat,omitzero"`
	Gloss       *data.Text     `json:"gloss,omitzero"`
	GlossSource string         `json:"gloss_source,omitzero"`
	Paragraph   int            `json:"paragraph,omitzero"`
	Caption     bool           `json:"caption"`
	Source      string         `json:"source"`
	Translation string         `json:"translation"`
	Notes       []string       `json:"notes,omitzero"`
}

// quote fills a record's evidence: the sentence, its translation, where it
// stands.
func (r *Record) quote(ds *data.Dataset, q data.Quote) {
	r.Source, r.Translation = q.Source, q.Translation
	r.Paragraph, r.Caption = ds.ParagraphOf(q.Source), ds.IsCaption(q.Source)
}

// status fills a record's status and period (NotStated when none).
func (r *Record) status(s *data.Status, p *data.Period) {
	if s != nil {
		r.Status, r.StatusCue = s.Kind, s.Cue
	}
	r.Period = &data.Text{ZH: p.In(data.ZH), EN: p.In(data.EN)}
	if p != nil {
		r.PeriodBasis, r.PeriodRule = p.Basis, p.Rule
	}
}

// figureRecord is a figure as a record.
func figureRecord(ds *data.Dataset, f *data.Figure, tab string) Record {
	r := Record{Kind: "figure", ID: f.ID, Tab: tab, Label: f.Label, Short: &f.Short, Value: f.Value, Unit: &f.Unit,
		Display: &data.Text{ZH: f.Display(data.ZH), EN: f.Display(data.EN)}, BaseUnit: f.Base, Measure: f.Measure,
		Comparison: f.Comparison, Derived: f.IsDerived(), Notes: f.Notes}
	var groups []string
	for _, g := range ds.GroupsOf(tab) {
		if slices.Contains(g.Figures, f.ID) {
			groups = append(groups, g.ID)
		}
	}
	r.Group = strings.Join(groups, " ")
	if v := f.BaseValue(); v != "" {
		r.BaseValue = jsontext.Value(v)
	}
	if f.Bound != nil {
		r.Bound = f.Bound.Kind
	}
	if f.Rank != nil {
		r.RankScope = &f.Rank.Scope
	}
	if f.IsDerived() {
		r.Formula, r.Decimals, r.Caveat = f.Derived.Formula, f.Derived.Decimals, &f.Derived.Caveat
	}
	r.status(f.Status, f.Period)
	r.quote(ds, f.Quote)
	return r
}

// Records are what tabs show, as records, in the order of their panels:
// every figure, project (with its milestones), honour, claim and
// programme once, with the first of the tabs that shows it.
func Records(ds *data.Dataset, tabs []string) []Record {
	var out []Record
	seen := map[Ref]bool{}
	for _, tab := range tabs {
		for _, ref := range TabRecords(ds, tab) {
			if seen[ref] {
				continue
			}
			seen[ref] = true
			switch ref.Kind {
			case KindFigure:
				f, _ := ds.Figure(ref.ID)
				out = append(out, figureRecord(ds, f, tab))
			case KindHonour:
				h, _ := ds.Honour(ref.ID)
				r := Record{Kind: "honour", ID: h.ID, Tab: tab, Label: h.Title, Short: &h.Short, Level: h.Level, Notes: h.Notes}
				r.quote(ds, h.Quote)
				out = append(out, r)
			case KindClaim:
				c, _ := ds.Claim(ref.ID)
				r := Record{Kind: "claim", ID: c.ID, Tab: tab, Label: c.Label, Short: &c.Short, Category: c.Kind, Notes: c.Notes}
				r.status(c.Status, c.Period)
				r.quote(ds, c.Quote)
				out = append(out, r)
			case KindProject:
				p, _ := ds.Project(ref.ID)
				r := Record{Kind: "project", ID: p.ID, Tab: tab, Label: p.Name, Short: &p.Short, Category: p.Category,
					Stage: cmp.Or(p.Stage(), "not-stated"), Notes: p.Notes}
				r.quote(ds, p.Quote)
				out = append(out, r)
				for _, m := range p.Milestones {
					r := Record{Kind: "milestone", ID: p.ID, Tab: tab, Label: m.Label}
					r.status(&m.Status, m.Period)
					r.quote(ds, m.Quote)
					out = append(out, r)
				}
			case KindProgram:
				g, _ := ds.Program(ref.ID)
				r := Record{Kind: "program", ID: g.ID, Tab: tab, Label: g.Name, Short: &g.Short, Category: g.Kind,
					Level: g.Level, Gloss: &g.Gloss, GlossSource: g.GlossSource, Notes: g.Notes}
				r.status(g.Status, g.Period)
				r.quote(ds, g.Quote)
				out = append(out, r)
			}
		}
	}
	return out
}

// csvColumns are the columns of ExportCSV, each with its value in a record.
var csvColumns = []struct {
	name string
	cell func(r *Record) string
}{
	{"kind", func(r *Record) string { return r.Kind }},
	{"id", func(r *Record) string { return r.ID }},
	{"tab", func(r *Record) string { return r.Tab }},
	{"group", func(r *Record) string { return r.Group }},
	{"label_zh", func(r *Record) string { return r.Label.ZH }},
	{"label_en", func(r *Record) string { return r.Label.EN }},
	{"short_zh", func(r *Record) string { return zh(r.Short) }},
	{"short_en", func(r *Record) string { return en(r.Short) }},
	{"value", func(r *Record) string {
		if r.Value == nil {
			return ""
		}
		return strconv.FormatFloat(*r.Value, 'f', -1, 64)
	}},
	{"unit_zh", func(r *Record) string { return zh(r.Unit) }},
	{"unit_en", func(r *Record) string { return en(r.Unit) }},
	{"display_zh", func(r *Record) string { return zh(r.Display) }},
	{"display_en", func(r *Record) string { return en(r.Display) }},
	{"base_value", func(r *Record) string { return string(r.BaseValue) }},
	{"base_unit", func(r *Record) string { return r.BaseUnit }},
	{"bound", func(r *Record) string { return r.Bound }},
	{"rank_scope_zh", func(r *Record) string { return zh(r.RankScope) }},
	{"rank_scope_en", func(r *Record) string { return en(r.RankScope) }},
	{"measure", func(r *Record) string { return r.Measure }},
	{"category", func(r *Record) string { return r.Category }},
	{"level", func(r *Record) string { return r.Level }},
	{"stage", func(r *Record) string { return r.Stage }},
	{"status", func(r *Record) string { return r.Status }},
	{"status_cue", func(r *Record) string { return r.StatusCue }},
	{"period_zh", func(r *Record) string { return zh(r.Period) }},
	{"period_en", func(r *Record) string { return en(r.Period) }},
	{"period_basis", func(r *Record) string { return r.PeriodBasis }},
	{"period_rule", func(r *Record) string { return r.PeriodRule }},
	{"comparison_zh", func(r *Record) string { return zh(r.Comparison) }},
	{"comparison_en", func(r *Record) string { return en(r.Comparison) }},
	{"derived", func(r *Record) string { return strconv.FormatBool(r.Derived) }},
	{"formula", func(r *Record) string { return r.Formula }},
	{"decimals", func(r *Record) string {
		if r.Decimals == nil {
			return ""
		}
		return strconv.Itoa(*r.Decimals)
	}},
	{"caveat_zh", func(r *Record) string { return zh(r.Caveat) }},
	{"caveat_en", func(r *Record) string { return en(r.Caveat) }},
	{"gloss_zh", func(r *Record) string { return zh(r.Gloss) }},
	{"gloss_en", func(r *Record) string { return en(r.Gloss) }},
	{"gloss_source", func(r *Record) string { return r.GlossSource }},
	{"paragraph", func(r *Record) string {
		if r.Paragraph == 0 {
			return ""
		}
		return strconv.Itoa(r.Paragraph)
	}},
	{"caption", func(r *Record) string { return strconv.FormatBool(r.Caption) }},
	{"source", func(r *Record) string { return r.Source }},
	{"translation", func(r *Record) string { return r.Translation }},
	{"notes", func(r *Record) string { return strings.Join(r.Notes, " ") }},
}

func zh(t *data.Text) string {
	if t == nil {
		return ""
	}
	return t.ZH
}

func en(t *data.Text) string {
	if t == nil {
		return ""
	}
	return t.EN
}

// CSVHeader is the header row of ExportCSV.
func CSVHeader() []string {
	h := make([]string, len(csvColumns))
	for i, c := range csvColumns {
		h[i] = c.name
	}
	return h
}

// ExportCSV is Records as CSV after a header row (CSVHeader): RFC 4180
// quoting, UTF-8 (a caller adds the byte-order mark Excel wants), both
// languages side by side whatever o.Lang, the article's value and unit
// beside the display and the value in base units (a plain number a
// spreadsheet can sum).
func ExportCSV(ds *data.Dataset, tabs []string, _ Options) (string, error) {
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Write(CSVHeader())
	rec := make([]string, len(csvColumns))
	for _, r := range Records(ds, tabs) {
		for i, c := range csvColumns {
			rec[i] = c.cell(&r)
		}
		w.Write(rec)
	}
	w.Flush()
	return b.String(), w.Error()
}

// JSONExport is the document of ExportJSON: the same records as the CSV
// export, with numbers as numbers and texts as {"zh", "en"}; the panels
// of each tab as the dashboard lays them out, each with the records it
// shows; and the strategy lists and notes on the source text with the
// tab that shows them.
type JSONExport struct {
	Meta       JSONMeta         `json:"meta"`
	Tabs       []string         `json:"tabs"`
	Panels     []JSONPanel      `json:"panels"`
	Records    []Record         `json:"records"`
	Structures []data.Structure `json:"structures,omitzero"`
	Notes      []data.Note      `json:"notes,omitzero"`
}

// JSONPanel is a panel of a tab: its group (for a panel of figures), its
// title, its form (the group's chart, or projects, honours-claims,
// strategy, programs, notes), and the records it shows, in order.
type JSONPanel struct {
	Tab     string    `json:"tab"`
	Group   string    `json:"group,omitzero"`
	Title   data.Text `json:"title"`
	Form    string    `json:"form"`
	Records []JSONRef `json:"records"`
}

// JSONRef names a record: its kind (figure, project, honour, claim,
// structure, program, note) and id.
type JSONRef struct {
	Kind string `json:"kind"`
	ID   string `json:"id"`
}

// kindNames are the names of the kinds of record in the exports.
var kindNames = map[ItemKind]string{KindFigure: "figure", KindProject: "project", KindHonour: "honour",
	KindClaim: "claim", KindStructure: "structure", KindProgram: "program", KindNote: "note"}

// JSONMeta describes the dataset and the article, for citations.
type JSONMeta struct {
	Title    data.Text  `json:"title"`
	Region   data.Text  `json:"region"`
	Source   data.Text  `json:"source"`
	Date     string     `json:"date"`
	Headline *data.Text `json:"headline,omitzero"`
	Byline   *data.Text `json:"byline,omitzero"`
}

// ExportJSON is the tabs as one JSON document (JSONExport), indented with
// two spaces.
func ExportJSON(ds *data.Dataset, tabs []string, _ Options) (string, error) {
	m := &ds.Meta
	doc := JSONExport{
		Meta: JSONMeta{Title: m.Title, Region: m.Region, Source: m.Source, Date: m.Date, Headline: m.Headline, Byline: m.Byline},
		Tabs: tabs, Records: Records(ds, tabs), Panels: []JSONPanel{},
	}
	for _, tab := range tabs {
		for _, p := range Panels(ds, tab) {
			jp := JSONPanel{Tab: tab, Title: p.Title, Form: p.Form}
			if p.Group != nil {
				jp.Group = p.Group.ID
			}
			for _, r := range p.Refs {
				jp.Records = append(jp.Records, JSONRef{Kind: kindNames[r.Kind], ID: r.ID})
			}
			doc.Panels = append(doc.Panels, jp)
		}
		for _, x := range ds.StructuresOf(tab) {
			doc.Structures = append(doc.Structures, *x)
		}
		if Lists(tab, KindNote) {
			doc.Notes = ds.Notes
		}
	}
	out, err := json.Marshal(doc, jsontext.Multiline(true), jsontext.WithIndent("  "), json.Deterministic(true))
	if err != nil {
		return "", err
	}
	return string(out) + "\n", nil
}
