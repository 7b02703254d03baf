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
	MsgColProgress   = Msg{ZH: "原文所述进展", EN: "Reported progress"}
	MsgFigures       = Msg{ZH: "全部指标", EN: "All figures"}
	MsgProjects      = Msg{ZH: "项目一览", EN: "Projects"}
	MsgStrategy      = Msg{ZH: "发展战略", EN: "Strategy"}
	MsgPrograms      = Msg{ZH: "文中提到的工程、政策与机制", EN: "Programmes and schemes named in the article"}
	MsgOutside       = Msg{ZH: "文外资料", EN: "Outside the article"}
	MsgHonoursClaims = Msg{ZH: "荣誉与表述", EN: "Honours and claims"}
	MsgGroupNotes    = Msg{ZH: "关于这些数字", EN: "About these figures"}
	MsgAmongOthers   = Msg{ZH: "等称号", EN: ", and other titles"}
	MsgAndOthers     = Msg{ZH: "等", EN: "; and others"}
	MsgFullStop      = Msg{ZH: "。", EN: ". "}
	MsgNotes         = Msg{ZH: "原文问题说明", EN: "Notes on the source text"}
	MsgSources       = Msg{ZH: "出处", EN: "Sources"}
	MsgTooSmall      = Msg{ZH: "终端太小:至少需要 %d×%d", EN: "terminal too small: need at least %d×%d"}
	MsgDeclared      = Msg{ZH: "标题称%s项,原文列出%s项", EN: "the heading says %s; the article lists %s"}
	MsgParagraph     = Msg{ZH: "第%d段", EN: "para. %d"}
	MsgNoPeriod      = Msg{ZH: "时期:原文未注明", EN: "period not stated"}
	MsgKey           = Msg{ZH: "指标全称与出处", EN: "Full labels and sources"}
	MsgPipeline      = Msg{ZH: "项目进展", EN: "Projects by stage"}
	MsgStageNote     = Msg{ZH: "阶段为原文所述最远的一步,不是整个项目的状态;预期与目标不算进展。", EN: "A stage is the furthest step the article reports, not the state of the whole project; projections and targets are not progress."}
	MsgNoStatus      = Msg{ZH: "原文未说明进展", EN: "no status given"}
	MsgAlso          = Msg{ZH: "也见于“%s”页签。", EN: "Also on the %s tab."}
	MsgAlsoPair      = Msg{ZH: "也见于“%s”页签;此处加上由其推算的比较值。", EN: "Also on the %s tab; added here: what it is compared with."}
	MsgAlsoChange    = Msg{ZH: "也见于“%s”页签;此处加上由其推算的此前水平。", EN: "Also on the %s tab; added here: the earlier level."}
	MsgAlsoShare     = Msg{ZH: "也见于“%s”页签;此处在0–100%%的刻度上比较。", EN: "Also on the %s tab; here side by side on a scale of 0 to 100%%."}
)

// More chrome.
var (
	MsgSearchHint  = Msg{ZH: "搜索指标与项目、荣誉、表述、工程:中文、English、编号或数值", EN: "search figures and projects, honours, claims, programmes by any word or value"}
	MsgNoHits      = Msg{ZH: "没有匹配结果", EN: "no matches"}
	MsgHits        = Msg{ZH: "结果:%d · enter 跳转 · esc 取消", EN: "matches: %d · enter to jump · esc to cancel"}
	MsgLangName    = Msg{ZH: "中文", EN: "English"}
	MsgHelpTitle   = Msg{ZH: "按键(? 或 esc 关闭)", EN: "Keys (? or esc to close)"}
	MsgExported    = Msg{ZH: "已导出:%s", EN: "exported to %s"}
	MsgExportError = Msg{ZH: "导出失败:%v", EN: "export failed: %v"}
)
