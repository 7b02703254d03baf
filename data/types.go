// Package data holds the macun-tui dataset: its types, the embedded default
// dataset, a strict loader, validation and the queries the views need.
// It has no terminal or UI imports.
package data

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// SchemaVersion is the only dataset schema this build reads.
const SchemaVersion = 2

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

// member is one value of a closed list of the schema: its id, its name,
// and, for some lists, words: the evidence a cue must contain (statuses,
// bounds, levels, period rules) or the values it allows (measures).
type member struct {
	id    string
	name  Text
	words []string
}

// enum is a closed list, in the order the documentation gives it.
type enum []member

func (e enum) ids() []string {
	ids := make([]string, len(e))
	for i, v := range e {
		ids[i] = v.id
	}
	return ids
}

func (e enum) get(id string) member {
	for _, v := range e {
		if v.id == id {
			return v
		}
	}
	return member{}
}

// name is the name of id; empty for an id not in the list, which a loaded
// dataset does not have.
func (e enum) name(id string) Text { return e.get(id).name }

// Dataset is a whole dataset file.
type Dataset struct {
	Schema     int         `json:"schema"`
	Meta       Meta        `json:"meta"`
	Groups     []Group     `json:"groups"`
	Figures    []Figure    `json:"figures"`
	Projects   []Project   `json:"projects,omitempty"`
	Honours    []Honour    `json:"honours,omitempty"`
	Claims     []Claim     `json:"claims,omitempty"`
	Programs   []Program   `json:"programs,omitempty"`
	Structures []Structure `json:"structures,omitempty"`
	Notes      []Note      `json:"notes,omitempty"`

	// Article is the text of the source article (see Meta.Article), empty
	// when the dataset names none. Filled by the loader.
	Article string `json:"-"`

	figByID  map[string]int
	noteByID map[string]int
	progByID map[string]int
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
	// Date is the article's date, YYYY-MM-DD: the base of inferred periods.
	Date string `json:"date"`
	// Headline, Byline and Credits are the article's own, for citations;
	// their zh occurs in the article.
	Headline *Text `json:"headline,omitempty"`
	Byline   *Text `json:"byline,omitempty"`
	Credits  *Text `json:"credits,omitempty"`
	// Captions are the paragraphs of the article (numbered as Locate
	// does) that are photo captions.
	Captions []int `json:"captions,omitempty"`
}

// Chart kinds of a group: the visual form its figures take on a tab.
const (
	ChartBar      = "bar"      // horizontal bars, one measure and unit for the whole group
	ChartShare    = "share"    // shares (%), each a bar on a fixed 0–100 scale
	ChartPair     = "pair"     // a figure beside the comparison derived from it, on one scale, the gap labelled
	ChartChange   = "change"   // a figure and its earlier level derived from it: a before→after marker
	ChartRank     = "rank"     // rankings, as positions within their scope
	ChartTiles    = "tiles"    // one tile per figure: counts of different things, lone figures
	ChartPipeline = "pipeline" // on the card of the project that lists the figure
	ChartNone     = "none"     // listed, with no chart
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

// Quote is the evidence of a record: the verbatim sentence (or clause) of
// the article and an English rendering of exactly that sentence, which is
// a translation, never a quote.
type Quote struct {
	Source      string `json:"source"`
	Translation string `json:"translation"`
}

// Status is how far something has got, recorded only where the article
// says it: Cue is the words of the source that say it.
type Status struct {
	Kind string `json:"kind"`
	Cue  string `json:"cue"`
}

// Forward reports whether the status looks ahead (imminent, planned,
// target, projection): such a thing is always marked, never shown as done.
// A nil status is no status.
func (s *Status) Forward() bool {
	return s != nil && s.Kind != "done" && s.Kind != "under-way"
}

// statusKinds are the kinds of status, with the words a cue must contain.
var statusKinds = enum{
	{"done", Text{ZH: "已完成", EN: "done"}, []string{"完成", "建成", "完工", "封顶", "到位", "获批", "批复", "挂牌运行", "实现", "发起"}},
	{"under-way", Text{ZH: "推进中", EN: "under way"}, []string{"正在", "推进", "持续实施", "开工"}},
	{"imminent", Text{ZH: "即将", EN: "due soon"}, []string{"即将"}},
	{"planned", Text{ZH: "谋划", EN: "planned"}, []string{"谋划"}},
	{"target", Text{ZH: "目标", EN: "target"}, []string{"计划"}},
	{"projection", Text{ZH: "预期", EN: "projected"}, []string{"预计", "将", "建成后"}},
}

// StatusName is the name of a kind of status.
func StatusName(kind string) Text { return statusKinds.name(kind) }

// boundKinds are the kinds of bound; a cue holds one of the words, which
// read before the number (突破150亿元) or, the last three, after it.
var boundKinds = enum{
	{"over", Text{ZH: "超过", EN: "more than"}, []string{"突破", "超过", "以上"}},
	{"under", Text{ZH: "不到", EN: "less than"}, []string{"不到", "以下"}},
	{"about", Text{ZH: "约", EN: "about"}, []string{"约", "左右"}},
}

// Period is when a figure or event holds. Stated: the source says it
// (Cue). Inferred: it follows from the article's date by Rule, and Cue is
// the source's words that the rule reads (今年, 上半年 without a year).
type Period struct {
	Text
	Basis string `json:"basis"`
	Rule  string `json:"rule,omitempty"`
	Cue   string `json:"cue"`
}

// NotStated is what is printed for a period (or anything else) the
// article does not give.
var NotStated = Text{ZH: "原文未注明", EN: "not stated"}

// In is the period as it is printed in l: "first half of 2024 (inferred)"
// for an inferred one, NotStated for none (a nil period).
func (p *Period) In(l Lang) string {
	switch {
	case p == nil:
		return NotStated.In(l)
	case p.Basis == "inferred" && l == ZH:
		return p.ZH + "(推定)"
	case p.Basis == "inferred":
		return p.EN + " (inferred)"
	}
	return p.Text.In(l)
}

// periodRules are the rules an inferred period follows, with the words its
// cue must contain and the year they give, from the article's year; the
// names are "%d" templates of that year.
var periodRules = enum{
	{"this-year", Text{ZH: "“今年”指报道所在的年份,即%d年。", EN: "今年 (this year) is the year of the report, %d."}, []string{"今年"}},
	{"last-year", Text{ZH: "“去年”指报道的前一年,即%d年。", EN: "去年 (last year) is the year before the report, %d."}, []string{"去年"}},
	{"no-year", Text{ZH: "未写年份的“上半年”“1~7月份”等,指报道日期之前最近的同一时段,即%d年。", EN: "A part of a year given without the year (上半年, 1~7月份) is the latest one before the report date, in %d."}, []string{"上半年", "下半年", "月", "季度"}},
}

var ruleYear = map[string]int{"this-year": 0, "last-year": -1, "no-year": 0}

// PeriodRule is the text of an inferred period's rule in l, with the year
// it gives ("" for a period that is not inferred).
func (ds *Dataset) PeriodRule(p *Period, l Lang) string {
	if p == nil || p.Basis != "inferred" {
		return ""
	}
	return fmt.Sprintf(periodRules.name(p.Rule).In(l), ds.Year()+ruleYear[p.Rule])
}

// Year is the year of the article's date (0 when it has none).
func (ds *Dataset) Year() int {
	y, _ := strconv.Atoi(strings.SplitN(ds.Meta.Date, "-", 2)[0])
	return y
}

// measures are what a figure's number measures, so that a chart compares
// like with like; the words are the base units a measure allows (none for
// a rank, growth rate, share or difference of shares).
var measures = enum{
	{"rank", Text{}, nil},
	{"growth", Text{}, nil},
	{"share", Text{}, nil},
	{"points", Text{}, nil},
	{"money", Text{}, []string{"yuan"}},
	{"count", Text{}, []string{"count"}},
	{"people", Text{}, []string{"people"}},
	{"area", Text{}, []string{"mu", "km2"}},
}

// Figure is one number of the article, or one derived from them.
type Figure struct {
	ID string `json:"id"`
	// Measure is one of measures.
	Measure string `json:"measure"`
	// Label is the full label, Short the one for charts and tiles.
	Label Text `json:"label"`
	Short Text `json:"short"`
	// Value and Unit are the article's own: 103 and 亿元, 3.5 and 万人.
	// For a derived figure the loader sets Value, rounded to
	// Derived.Decimals.
	Value *float64 `json:"value,omitempty"`
	Unit  Text     `json:"unit"`
	// Base is the unit a spreadsheet sums in (yuan, people, mu, km2,
	// count); the value in it is Value shifted by the unit's 万 or 亿.
	Base string `json:"base,omitempty"`
	// Rank, when set, makes Value a rank position (1 = first) within Scope.
	Rank       *Rank    `json:"rank,omitempty"`
	Comparison *Text    `json:"comparison,omitempty"`
	Bound      *Status  `json:"bound,omitempty"`
	Status     *Status  `json:"status,omitempty"`
	Period     *Period  `json:"period,omitempty"`
	Derived    *Derived `json:"derived,omitempty"`
	// Quote is the sentence that states the figure; for a derived figure,
	// the sentence its operands come from.
	Quote
	Notes []string `json:"notes,omitempty"`
}

// Rank is the scope a rank position is counted in.
type Rank struct {
	Scope Text `json:"scope"`
}

// Derived marks a figure computed by the loader from other figures.
// Formula uses figure ids, numbers, + - * / and parentheses; the result
// is rounded to Decimals places, no more than its operands have, and
// Caveat says how precise it is.
type Derived struct {
	Formula  string `json:"formula"`
	Decimals *int   `json:"decimals,omitempty"`
	Caveat   Text   `json:"caveat"`
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

// categories are the project categories.
var categories = enum{
	{"strategic", Text{ZH: "战略项目", EN: "strategic"}, nil},
	{"industrial", Text{ZH: "产业项目", EN: "industrial"}, nil},
	{"urban", Text{ZH: "城乡建设", EN: "urban-rural"}, nil},
	{"livelihood", Text{ZH: "民生", EN: "livelihood"}, nil},
	{"platform", Text{ZH: "创新平台", EN: "platform"}, nil},
}

// Categories returns the ids of the project categories.
func Categories() []string { return categories.ids() }

// CategoryName is the name of a project category.
func CategoryName(id string) Text { return categories.name(id) }

// Project is a named project, work or platform of the article. Its
// progress is what its milestones say; none is assumed.
type Project struct {
	ID         string       `json:"id"`
	Category   string       `json:"category"`
	Name       Text         `json:"name"`
	Short      Text         `json:"short"`
	Programs   []SourcedRef `json:"programs,omitempty"`
	Figures    []string     `json:"figures,omitempty"`
	Milestones []Milestone  `json:"milestones,omitempty"`
	Quote
	Notes []string `json:"notes,omitempty"`
}

// Milestone is one step of a project's progress that the article states,
// in its own sentence.
type Milestone struct {
	Label  Text    `json:"label"`
	Status Status  `json:"status"`
	Period *Period `json:"period,omitempty"`
	Quote
}

// SourcedRef is a relation the article states in its own sentence: a
// project's membership of a programme.
type SourcedRef struct {
	ID string `json:"id"`
	Quote
}

// levels are the levels of government an honour or programme belongs to,
// with the words its source must contain.
var levels = enum{
	{"national", Text{ZH: "国家级", EN: "national"}, []string{"国家", "全国"}},
	{"provincial", Text{ZH: "省级", EN: "provincial"}, []string{"省"}},
	{"city", Text{ZH: "市级", EN: "city"}, []string{"市"}},
	{"district", Text{ZH: "区级", EN: "district"}, []string{"区"}},
	{"subdistrict", Text{ZH: "街道", EN: "subdistrict"}, []string{"街道"}},
}

// LevelName is the name of a level of government.
func LevelName(id string) Text { return levels.name(id) }

// Honour is an award or title the district won.
type Honour struct {
	ID    string `json:"id"`
	Level string `json:"level"`
	Tab   string `json:"tab"`
	// AmongOthers: the article names it among others (…等称号).
	AmongOthers bool     `json:"among_others,omitempty"`
	Title       Text     `json:"title"`
	Short       Text     `json:"short"`
	Figures     []string `json:"figures,omitempty"`
	Programs    []string `json:"programs,omitempty"`
	Quote
	Notes []string `json:"notes,omitempty"`
}

// claimKinds are the kinds of claim; a first-in-city claim's source says
// so in one of the words.
var claimKinds = enum{
	{"assessment", Text{ZH: "评价", EN: "assessment"}, nil},
	{"achievement", Text{ZH: "成效", EN: "achievement"}, nil},
	{"first-in-city", Text{ZH: "全市首家", EN: "first in the city"}, []string{"首家", "率先", "第一"}},
	{"aim", Text{ZH: "目标", EN: "aim"}, nil},
	{"background", Text{ZH: "背景", EN: "background"}, nil},
	{"attributed", Text{ZH: "引述", EN: "attributed"}, nil},
}

// ClaimKindName is the name of a kind of claim.
func ClaimKindName(id string) Text { return claimKinds.name(id) }

// Claim is a statement of the article without a figure of its own that a
// reporter would attribute: Label sums it up, the quote is the evidence.
type Claim struct {
	ID           string   `json:"id"`
	Kind         string   `json:"kind"`
	Tab          string   `json:"tab"`
	AttributedTo *Text    `json:"attributed_to,omitempty"`
	Label        Text     `json:"label"`
	Short        Text     `json:"short"`
	Status       *Status  `json:"status,omitempty"`
	Period       *Period  `json:"period,omitempty"`
	Projects     []string `json:"projects,omitempty"`
	Programs     []string `json:"programs,omitempty"`
	Figures      []string `json:"figures,omitempty"`
	Quote
	Notes []string `json:"notes,omitempty"`
}

// Forward reports whether the claim looks ahead: an aim, or a forward
// status.
func (c *Claim) Forward() bool { return c.Kind == "aim" || c.Status.Forward() }

// programKinds are the kinds of named programme or scheme.
var programKinds = enum{
	{"programme", Text{ZH: "工程计划", EN: "programme"}, nil},
	{"campaign", Text{ZH: "行动", EN: "campaign"}, nil},
	{"goal", Text{ZH: "目标", EN: "goal"}, nil},
	{"policy", Text{ZH: "政策", EN: "policy"}, nil},
	{"mechanism", Text{ZH: "机制", EN: "mechanism"}, nil},
	{"document", Text{ZH: "文件", EN: "document"}, nil},
	{"model", Text{ZH: "模式", EN: "model"}, nil},
	{"designation", Text{ZH: "认定", EN: "designation"}, nil},
	{"unexplained", Text{ZH: "未解释", EN: "not explained"}, nil},
}

// ProgramKindName is the name of a kind of programme.
func ProgramKindName(id string) Text { return programKinds.name(id) }

// Program is a named programme, scheme, campaign, goal, mechanism,
// document or model, with a one-line gloss. GlossSource cites what the
// gloss takes from outside the article.
type Program struct {
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Level string `json:"level,omitempty"`
	// Tab is the tab that lists it; the first tab (the overview) when
	// the file gives none.
	Tab         string  `json:"tab,omitempty"`
	Name        Text    `json:"name"`
	Short       Text    `json:"short"`
	Gloss       Text    `json:"gloss"`
	GlossSource string  `json:"gloss_source,omitempty"`
	Status      *Status `json:"status,omitempty"`
	Period      *Period `json:"period,omitempty"`
	// Also are further sentences about it (a second mention, a caption).
	Also []Quote `json:"also,omitempty"`
	Quote
	Notes []string `json:"notes,omitempty"`
}

// Structure is a named list of the strategy (一区两城三基地, 六个围绕 …).
type Structure struct {
	ID string `json:"id"`
	// Tab is the tab that lists it; the first tab (the overview) when
	// the file gives none.
	Tab string `json:"tab,omitempty"`
	// Declared is the count the name declares (六个围绕: 6), if any.
	Declared *int `json:"declared,omitempty"`
	// Open: the article's list ends in 等 (and others).
	Open  bool   `json:"open,omitempty"`
	Name  Text   `json:"name"`
	Gloss *Text  `json:"gloss,omitempty"`
	Items []Item `json:"items"`
	Quote
	Notes []string `json:"notes,omitempty"`
}

// Item is one item of a structure; Source, when given, is where the
// article prints it (a section heading), else it is in the structure's.
type Item struct {
	Text
	Source string `json:"source,omitempty"`
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
	{"duplicate", Text{ZH: "重复段落", EN: "repeated paragraph"}, nil},
	{"ocr", Text{ZH: "识别错误", EN: "OCR slip"}, nil},
	{"structure", Text{ZH: "结构不符", EN: "structure mismatch"}, nil},
	{"layout", Text{ZH: "版面断行", EN: "layout break"}, nil},
	{"unstated", Text{ZH: "原文未注明", EN: "not stated"}, nil},
	{"ambiguous", Text{ZH: "有歧义", EN: "ambiguous"}, nil},
}

// NoteKinds returns the ids of the kinds of note.
func NoteKinds() []string { return noteKinds.ids() }

// NoteKindName is the name of a kind of note.
func NoteKindName(id string) Text { return noteKinds.name(id) }
