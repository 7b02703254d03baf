package views

import "github.com/macun-tui/macun-tui/data"

// Msg is a piece of chrome in both languages.
type Msg = data.Text

// Chrome texts. Every one has both languages by construction.
var (
	MsgDerivedLegend = Msg{ZH: "* 推算:由原文数字计算得出", EN: "* derived: computed from the article's figures"}
	MsgColLabel      = Msg{ZH: "指标", EN: "Figure"}
	MsgColValue      = Msg{ZH: "数值", EN: "Value"}
	MsgColPeriod     = Msg{ZH: "时期", EN: "Period"}
	MsgColCompare    = Msg{ZH: "比较", EN: "Comparison"}
	MsgColSource     = Msg{ZH: "出处", EN: "Source"}
	MsgColProject    = Msg{ZH: "项目", EN: "Project"}
	MsgColCategory   = Msg{ZH: "类别", EN: "Category"}
	MsgColStage      = Msg{ZH: "阶段", EN: "Stage"}
	MsgColStatus     = Msg{ZH: "进展", EN: "Status"}
	MsgFigures       = Msg{ZH: "全部指标", EN: "All figures"}
	MsgProjects      = Msg{ZH: "项目一览", EN: "Projects"}
	MsgStrategy      = Msg{ZH: "发展战略", EN: "Strategy"}
	MsgNotes         = Msg{ZH: "原文问题说明", EN: "Notes on the source text"}
	MsgRankNote      = Msg{ZH: "(排名:第1名条形最长)", EN: "(rank 1 is the longest bar)"}
	MsgSources       = Msg{ZH: "出处", EN: "Sources"}
	MsgTooSmall      = Msg{ZH: "终端太小:至少需要 %d×%d", EN: "terminal too small: need at least %d×%d"}
	MsgDeclared      = Msg{ZH: "标题称%d项,原文列出%d项", EN: "heading says %d, article lists %d"}
	MsgParagraph     = Msg{ZH: "第%d段", EN: "para. %d"}
)

// More chrome.
var (
	MsgSearchHint  = Msg{ZH: "搜索指标与项目:中文、English、编号或数值", EN: "search figures and projects: 中文, English, id or value"}
	MsgNoHits      = Msg{ZH: "没有匹配结果", EN: "no matches"}
	MsgHits        = Msg{ZH: "结果:%d · enter 跳转 · esc 取消", EN: "matches: %d · enter to jump · esc to cancel"}
	MsgLangName    = Msg{ZH: "中文", EN: "English"}
	MsgHelpTitle   = Msg{ZH: "按键(? 或 esc 关闭)", EN: "Keys (? or esc to close)"}
	MsgExported    = Msg{ZH: "已导出:%s", EN: "exported to %s"}
	MsgExportError = Msg{ZH: "导出失败:%v", EN: "export failed: %v"}
)
