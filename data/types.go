// Package data holds the macun-tui dataset: its types, the embedded default
// dataset, a strict loader, validation and the queries the views need.
// It has no terminal or UI imports.
package data

import (
	"slices"
	"sync"
)

// SchemaVersion is the only dataset schema this build reads.
const SchemaVersion = 1

// Lang is a display language.
type Lang string

// The two display languages.
const (
	ZH Lang = "zh"
	EN Lang = "en"
)

// Langs returns the supported languages in display order.
func Langs() []Lang { return []Lang{ZH, EN} }

// Text is a piece of text in both languages.
type Text struct {
	ZH string `json:"zh"`
	EN string `json:"en"`
}

// In returns the text in language l.
func (t Text) In(l Lang) string {
	if l == ZH {
		return t.ZH
	}
	return t.EN
}

// Tab is one dashboard tab. The set of tabs is part of the schema: every
// group names one of them.
type Tab struct {
	ID    string
	Title Text
}

// tabs are the dashboard's tabs, in display order.
var tabs = []Tab{
	{ID: "overview", Title: Text{ZH: "总览", EN: "Overview"}},
	{ID: "industry", Title: Text{ZH: "产业", EN: "Industry"}},
	{ID: "urban-rural", Title: Text{ZH: "城乡", EN: "Urban-rural"}},
	{ID: "governance", Title: Text{ZH: "治理", EN: "Governance"}},
	{ID: "projects", Title: Text{ZH: "项目", EN: "Projects"}},
}

// Tabs returns the dashboard's tabs, in display order.
func Tabs() []Tab { return slices.Clone(tabs) }

// TabIDs are the ids of Tabs, in order.
func TabIDs() []string {
	ids := make([]string, len(tabs))
	for i, t := range tabs {
		ids[i] = t.ID
	}
	return ids
}

// TabByID returns the tab with the given id.
func TabByID(id string) (Tab, bool) {
	i := slices.IndexFunc(tabs, func(t Tab) bool { return t.ID == id })
	if i < 0 {
		return Tab{}, false
	}
	return tabs[i], true
}

// enum is one of the schema's closed lists of values: the ids, in the
// order the documentation gives them, with their names.
type enum []struct {
	id   string
	name Text
}

func (e enum) ids() []string {
	ids := make([]string, len(e))
	for i, v := range e {
		ids[i] = v.id
	}
	return ids
}

// name is the name of id; empty for an id not in the list, which a loaded
// dataset does not have.
func (e enum) name(id string) Text {
	for _, v := range e {
		if v.id == id {
			return v.name
		}
	}
	return Text{}
}

// Dataset is a whole dataset file.
type Dataset struct {
	Schema     int         `json:"schema"`
	Meta       Meta        `json:"meta"`
	Groups     []Group     `json:"groups"`
	Figures    []Figure    `json:"figures"`
	Projects   []Project   `json:"projects"`
	Structures []Structure `json:"structures"`
	Notes      []Note      `json:"notes"`

	// Article is the text of the source article (see Meta.Article), empty
	// when the dataset names none. Filled by the loader.
	Article string `json:"-"`

	figByID  map[string]int
	noteByID map[string]int
	art      *articleIndex
	artOnce  sync.Once
	homeOnce sync.Once
	home     map[string]string
}

// Meta describes the dataset and its source.
type Meta struct {
	Title  Text `json:"title"`
	Region Text `json:"region"`
	Source Text `json:"source"`
	// Article is the path of the source article's text, relative to the
	// dataset file. Optional; when given, every source sentence must occur
	// in it.
	Article string `json:"article,omitempty"`
}

// Chart kinds of a group.
const (
	ChartBar  = "bar"  // horizontal bars, one unit for the whole group
	ChartRank = "rank" // rankings: rank 1 is the longest bar
	ChartNone = "none" // table only
)

// Group is a set of figures shown together on a tab: one chart (or none)
// plus its rows in the tab's table.
type Group struct {
	ID      string   `json:"id"`
	Tab     string   `json:"tab"`
	Title   Text     `json:"title"`
	Chart   string   `json:"chart"`
	Figures []string `json:"figures"`
	Note    *Text    `json:"note,omitempty"`
}

// Figure is one number of the article, or one derived from them.
type Figure struct {
	ID         string   `json:"id"`
	Label      Text     `json:"label"`
	Value      *float64 `json:"value,omitempty"`
	Unit       Text     `json:"unit"`
	Period     Text     `json:"period"`
	Comparison *Text    `json:"comparison,omitempty"`
	// Rank, when set, makes Value a rank position (1 = first) within Scope.
	Rank *Rank `json:"rank,omitempty"`
	// Source is the verbatim sentence (or clause) of the article that
	// states the figure; for a derived figure, the sentence it comes from.
	Source  string   `json:"source"`
	Derived *Derived `json:"derived,omitempty"`
	Notes   []string `json:"notes,omitempty"`
}

// Rank is the scope a rank position is counted in.
type Rank struct {
	Scope Text `json:"scope"`
}

// Derived marks a figure computed by the loader from other figures.
// Formula uses figure ids, numbers, + - * / and parentheses.
type Derived struct {
	Formula string `json:"formula"`
}

// V returns the figure's value (0 when unset).
func (f *Figure) V() float64 {
	if f.Value == nil {
		return 0
	}
	return *f.Value
}

// IsDerived reports whether the figure is computed, not quoted.
func (f *Figure) IsDerived() bool { return f.Derived != nil }

// stages are the project stages, in order of progress.
var stages = enum{
	{"planning", Text{ZH: "谋划推进", EN: "planning"}},
	{"approved", Text{ZH: "获批", EN: "approved"}},
	{"about-to-land", Text{ZH: "即将落地", EN: "about to land"}},
	{"under-construction", Text{ZH: "在建", EN: "under construction"}},
	{"completed", Text{ZH: "建成", EN: "completed"}},
	{"in-operation", Text{ZH: "运行", EN: "in operation"}},
}

// Stages returns the ids of the project stages, in order of progress.
func Stages() []string { return stages.ids() }

// StageName is the name of a project stage.
func StageName(id string) Text { return stages.name(id) }

// categories are the project categories.
var categories = enum{
	{"strategic", Text{ZH: "战略项目", EN: "strategic"}},
	{"industrial", Text{ZH: "产业项目", EN: "industrial"}},
	{"urban", Text{ZH: "城乡建设", EN: "urban-rural"}},
	{"livelihood", Text{ZH: "民生", EN: "livelihood"}},
	{"platform", Text{ZH: "创新平台", EN: "platform"}},
}

// Categories returns the ids of the project categories.
func Categories() []string { return categories.ids() }

// CategoryName is the name of a project category.
func CategoryName(id string) Text { return categories.name(id) }

// Project is a named project, work or platform of the article.
type Project struct {
	ID       string   `json:"id"`
	Name     Text     `json:"name"`
	Category string   `json:"category"`
	Stage    string   `json:"stage"`
	Status   Text     `json:"status"`
	Covers   *Text    `json:"covers,omitempty"`
	Programs []Text   `json:"programs,omitempty"`
	Figures  []string `json:"figures,omitempty"`
	Source   string   `json:"source"`
	Notes    []string `json:"notes,omitempty"`
}

// Structure is a named list of the strategy (一区两城三基地, 六个围绕 …).
type Structure struct {
	ID       string   `json:"id"`
	Name     Text     `json:"name"`
	Declared int      `json:"declared,omitempty"`
	Items    []Text   `json:"items"`
	Source   string   `json:"source"`
	Notes    []string `json:"notes,omitempty"`
}

// Note records a problem of the source article (a repeated paragraph, an
// OCR slip, a heading that does not match its sections).
type Note struct {
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Text  Text   `json:"text"`
	Quote string `json:"quote"`
}

// noteKinds are the kinds of note.
var noteKinds = enum{
	{"duplicate", Text{ZH: "重复段落", EN: "repeated paragraph"}},
	{"ocr", Text{ZH: "识别错误", EN: "OCR slip"}},
	{"structure", Text{ZH: "结构不符", EN: "structure mismatch"}},
	{"layout", Text{ZH: "版面断行", EN: "layout break"}},
	{"unstated", Text{ZH: "原文未注明", EN: "not stated"}},
}

// NoteKinds returns the ids of the kinds of note.
func NoteKinds() []string { return noteKinds.ids() }

// NoteKindName is the name of a kind of note.
func NoteKindName(id string) Text { return noteKinds.name(id) }
