package data

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// problemsOf returns the problems of an error of Parse, Load or LoadFile.
func problemsOf(t *testing.T, err error) ProblemList {
	t.Helper()
	var l ProblemList
	if !errors.As(err, &l) {
		t.Fatalf("error %T (%v) is not a ProblemList", err, err)
	}
	return l
}

// wantProblems checks that err is a ProblemList printing exactly want.
func wantProblems(t *testing.T, err error, want string) {
	t.Helper()
	problemsOf(t, err)
	if got := err.Error(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func writeTemp(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadFileOS(t *testing.T) {
	empty := writeTemp(t, "empty.json", nil)
	_, err := LoadFile(empty)
	wantProblems(t, err, empty+": file is empty")

	dir := t.TempDir()
	_, err = LoadFile(dir)
	wantProblems(t, err, dir+": is a directory, not a file")

	missing := filepath.Join(dir, "missing.json")
	_, err = LoadFile(missing)
	wantProblems(t, err, missing+": file does not exist")

	if os.Getuid() != 0 {
		locked := writeTemp(t, "locked.json", []byte("{}"))
		if err := os.Chmod(locked, 0); err != nil {
			t.Fatal(err)
		}
		_, err = LoadFile(locked)
		wantProblems(t, err, locked+": permission denied")
	}
}

// TestLoadFileTooLarge uses sparse files, so nothing large is written.
func TestLoadFileTooLarge(t *testing.T) {
	huge := filepath.Join(t.TempDir(), "huge.json")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(200 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = LoadFile(huge)
	wantProblems(t, err, huge+": file is too large (209715200 bytes; the limit is 16 MiB)")

	// a file of exactly MaxFileSize bytes is read (and is not a dataset)
	if err := os.Truncate(huge, MaxFileSize); err != nil {
		t.Fatal(err)
	}
	_, err = LoadFile(huge)
	wantProblems(t, err, huge+`:1:1: syntax error: invalid character '\x00' at start of value`)

	_, err = Load(bytes.NewReader(make([]byte, MaxFileSize+1)))
	wantProblems(t, err, "<input>: file is too large (more than 16777216 bytes; the limit is 16 MiB)")
	_, err = Parse("x.json", make([]byte, MaxFileSize+1), nil)
	wantProblems(t, err, "x.json: file is too large (16777217 bytes; the limit is 16 MiB)")
}

// TestDeepNesting: nesting deeper than the schema's is where the schema
// wants something else (or an unknown field); the decoder does not go
// down it.
func TestDeepNesting(t *testing.T) {
	deep := writeTemp(t, "deep.json", bytes.Repeat([]byte{'['}, 100000))
	_, err := LoadFile(deep)
	wantProblems(t, err, deep+":1:1: want an object, got array")

	b := []byte(`{"schema": 1, "groups": ` + strings.Repeat(`[{"a":`, 50000))
	_, err = Parse("d.json", b, nil)
	wantProblems(t, err, "d.json:1:27: groups[0]: unknown field \"a\" (a group has: id, tab, title, chart, figures, note)")
	b = []byte(`{"schema": 1, "groups": [` + strings.Repeat(`[`, 50000))
	_, err = Parse("d.json", b, nil)
	wantProblems(t, err, "d.json:1:26: groups[0]: want an object, got array")
}

func TestInvalidUTF8(t *testing.T) {
	p := writeTemp(t, "latin1.json", []byte("{\n  \"schema\": 1,\n  \"meta\": {\"title\": {\"zh\": \"马村\", \"en\": \"Caf\xe9\"}}\n}\n"))
	_, err := LoadFile(p)
	// the bad byte is the 44th character of line 3 (马 and 村 count one each)
	wantProblems(t, err, p+":3:44: invalid UTF-8 (byte 0xE9); the file must be UTF-8 encoded")
}

// mutate replaces the first occurrence of old in the embedded dataset and
// returns the new file and the line:col (characters) where new starts.
func mutate(t *testing.T, old, new string) ([]byte, int, int) {
	t.Helper()
	b, err := embedded.ReadFile(DefaultFile)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(b, []byte(old))
	if i < 0 {
		t.Fatalf("%q not in %s", old, DefaultFile)
	}
	out := append(append(append([]byte{}, b[:i]...), new...), b[i+len(old):]...)
	before := b[:i]
	line := bytes.Count(before, []byte("\n")) + 1
	col := utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return out, line, col
}

func embeddedArticle(p string) ([]byte, error) { return embedded.ReadFile(p) }

func TestMutations(t *testing.T) {
	for _, c := range []struct {
		old, new string
		skip     int // characters from the start of new to the problem
		msg      string
	}{
		{`"value": 44.4`, `"value": "44"`, 9, `figures[5].value: want a number, got string`},
		{`"value": 44.4`, `"value": 1e999`, 9, `figures[5].value: number 1e999 is out of range`},
		{`"value": 44.4`, `"value": -44.4`, 9, `figures[5].value: -44.4 is negative; values must be >= 0`},
		{`"value": 44.4`, `"value": 4.44e20`, 9, `figures[5].value: 4.44e20 is too large (the limit is 1e15)`},
		{`"value": 3, "unit": {"zh": "名"`, `"value": 3.5, "unit": {"zh": "名"`, 9, `figures[4].value: a rank must be a whole number >= 1, got 3.5`},
		// the column counts characters: "GDP增速" is 5 of them
		{`{"zh": "GDP增速", "en": "GDP growth"}`, `{"zh": "GDP增速", "en": " "}`, 22, `figures[0].short.en: must not be empty or only white space`},
		{`"unit": {"zh": "名", "en": "rank"}`, `"unit": {"zh": "名", "en": "rank", "de": "Rang"}`, 34, `figures[0].unit: unknown field "de" (a text has: zh, en)`},
		{`"tab": "overview"`, `"tab": "home"`, 7, `groups[0].tab: unknown tab "home" (want one of: overview, industry, urban-rural, governance, projects)`},
		{`"tech-reform-investment-share - tech-reform-share-gap"`, `"tech-reform-investment-share / (tech-reform-share-gap - 15.7)"`, 0, `figures[7].derived.formula: formula divides by zero`},
		{`"source": "围绕争取政策,争取国家采煤沉陷区综合治理工程中央预算内支持`, `"source": "围绕争取政策,争取国家采煤沉陷区综合治理工程中央预算支持`, 10, `figures[26].source: source sentence not found in article`},
		{`"quote": "五个蝶变"`, `"quote": "六个蝶变"`, 9, `notes[12].quote: quote not found in article`},
		{`"status": {"kind": "imminent"`, `"status": {"kind": "soon"`, 19, `projects[5].milestones[0].status.kind: unknown status "soon" (want one of: done, under-way, imminent, planned, target, projection)`},
		{`"status": {"kind": "done", "cue": "完工"}`, `"status": {"kind": "planned", "cue": "完工"}`, 37, `projects[0].milestones[0].status.cue: "完工" does not say status planned (want one of: 谋划)`},
	} {
		b, line, col := mutate(t, c.old, c.new)
		_, err := Parse("macun.json", b, embeddedArticle)
		if err == nil {
			t.Errorf("%s -> %s: no problem", c.old, c.new)
			continue
		}
		want := Problem{Pos: Position{Filename: "macun.json", Line: line, Column: col + c.skip}, Msg: c.msg}
		ps := problemsOf(t, err)
		if len(ps) == 1 {
			ps[0].Pos.Offset = 0
		}
		if len(ps) != 1 || ps[0] != want {
			t.Errorf("%s -> %s:\ngot  %v\nwant %v", c.old, c.new, ps, want)
		}
	}
}

func TestArticle(t *testing.T) {
	b, err := embedded.ReadFile(DefaultFile)
	if err != nil {
		t.Fatal(err)
	}
	// without an article reader nothing is looked up
	ds, err := Parse(DefaultFile, b, nil)
	if err != nil || ds.Article != "" {
		t.Fatalf("without article: %v, %d bytes of article", err, len(ds.Article))
	}
	ds, err = Load(bytes.NewReader(b))
	if err != nil || ds.Article != "" {
		t.Fatalf("Load: %v", err)
	}
	// an article without one sentence: every user of it is reported
	art, _ := embedded.ReadFile("source/jiaozuo-daily-2024-10-01.txt")
	cut := strings.Replace(string(art), "整治提升35个村的背街小巷", "", -1)
	_, err = Parse(DefaultFile, b, func(string) ([]byte, error) { return []byte(cut), nil })
	n := 0
	for _, p := range problemsOf(t, err) {
		if !strings.HasSuffix(p.Msg, "source sentence not found in article") {
			t.Errorf("unexpected %v", p)
		}
		n++
	}
	if n != 4 { // back-street-villages, demo-villages, farmland, steam-projects
		t.Fatalf("%d problems for a cut article:\n%v", n, err)
	}
	// an unreadable article is a problem at the "article" value
	_, err = Parse(DefaultFile, b, func(string) ([]byte, error) { return nil, errors.New("boom") })
	_, line, col := mutate(t, `"source/jiaozuo`, `"source/jiaozuo`)
	wantProblems(t, err, Problem{Position{DefaultFile, 0, line, col}, `meta.article: cannot read article "source/jiaozuo-daily-2024-10-01.txt": boom`}.Error())
	_, err = Parse(DefaultFile, b, func(string) ([]byte, error) { return []byte("ok\n\xff"), nil })
	wantProblems(t, err, Problem{Position{DefaultFile, 0, line, col}, `meta.article: article "source/jiaozuo-daily-2024-10-01.txt" is not valid UTF-8 (at its 2:1)`}.Error())

	// LoadFile reads the article relative to the dataset file
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "source"), 0o755)
	os.WriteFile(filepath.Join(dir, "source", "jiaozuo-daily-2024-10-01.txt"), art, 0o644)
	os.WriteFile(filepath.Join(dir, "d.json"), b, 0o644)
	ds, err = LoadFile(filepath.Join(dir, "d.json"))
	if err != nil || ds.Article != string(art) {
		t.Fatalf("LoadFile with article: %v", err)
	}
}

// TestProblemList: the list prints one problem a line, sorts by file
// and position (whole-file problems first, ties kept in order) and is no
// error when empty.
func TestProblemList(t *testing.T) {
	if err := (ProblemList{}).Err(); err != nil {
		t.Errorf("empty list: %v", err)
	}
	at := func(file string, line, col int, msg string) Problem {
		return Problem{Pos: Position{Filename: file, Line: line, Column: col}, Msg: msg}
	}
	l := ProblemList{at("b", 1, 1, "b"), at("a", 2, 1, "late"), at("a", 1, 9, "second"), at("a", 1, 9, "third"),
		at("a", 0, 0, "whole file"), at("a", 1, 2, "first")}
	l.Sort()
	want := "a: whole file\na:1:2: first\na:1:9: second\na:1:9: third\na:2:1: late\nb:1:1: b"
	if got := l.Err().Error(); got != want {
		t.Errorf("sorted list prints\n%s\nwant\n%s", got, want)
	}
}

// TestTooManyProblems: checking stops after MaxProblems problems, and the
// last line says so.
func TestTooManyProblems(t *testing.T) {
	var sb strings.Builder
	sb.WriteString(`{"schema": 1, "figures": [`)
	for i := range 300 {
		if i > 0 {
			sb.WriteString(",\n")
		}
		fmt.Fprintf(&sb, `{"id": "f%d", "value": -1}`, i)
	}
	sb.WriteString("]}")
	_, err := Parse("m.json", []byte(sb.String()), nil)
	ps := problemsOf(t, err)
	if len(ps) != MaxProblems+1 || ps[MaxProblems].Error() != "m.json: too many problems; stopped after 100" {
		t.Fatalf("%d problems, last %v", len(ps), ps[len(ps)-1])
	}
	for _, p := range ps[:MaxProblems] {
		if !p.Pos.IsValid() {
			t.Errorf("%v has no position", p)
		}
	}
}

// loadWithin runs LoadFile, failing the test if it takes more than ten
// seconds: a file that never ends (a named pipe without a writer) must not
// hang the loader.
func loadWithin(t *testing.T, path string) (*Dataset, error) {
	t.Helper()
	type result struct {
		ds  *Dataset
		err error
	}
	done := make(chan result, 1)
	go func() {
		ds, err := LoadFile(path)
		done <- result{ds, err}
	}()
	select {
	case r := <-done:
		return r.ds, r.err
	case <-time.After(10 * time.Second):
		t.Fatalf("LoadFile(%s) did not return within 10 s", path)
		return nil, nil
	}
}

// exampleDir writes the schema's small example dataset (testdata/bad's
// article-absolute.json, with its article beside it) into a new directory
// and returns the directory and the dataset's path.
func exampleDir(t *testing.T, article string) (dir, path string) {
	t.Helper()
	b, err := os.ReadFile("../testdata/bad/article-absolute.json")
	if err != nil {
		t.Fatal(err)
	}
	art, err := os.ReadFile("../testdata/bad/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	b = bytes.Replace(b, []byte(`"/etc/article.txt"`), []byte(strconv.Quote(article)), 1)
	path = filepath.Join(dir, "d.json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "article.txt"), art, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

// TestLoadFileArticlePlace: the article is looked up beside the dataset
// file itself, not beside a symbolic link to it, and never outside that
// directory, by .. or through a symbolic link.
func TestLoadFileArticlePlace(t *testing.T) {
	dir, path := exampleDir(t, "article.txt")
	elsewhere := t.TempDir()
	link := filepath.Join(elsewhere, "link.json")
	if err := os.Symlink(path, link); err != nil {
		t.Skip("no symbolic links:", err)
	}
	if ds, err := loadWithin(t, link); err != nil || ds.Article == "" {
		t.Fatalf("through a link from another directory: %v", err)
	}

	// A link in the dataset's directory to an article outside it.
	outside := filepath.Join(elsewhere, "article.txt")
	if err := os.Rename(filepath.Join(dir, "article.txt"), outside); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "article.txt")); err != nil {
		t.Fatal(err)
	}
	_, err := loadWithin(t, path)
	wantProblems(t, err, path+`:7:16: meta.article: cannot read article "article.txt": it is outside the dataset file's directory`)

	for article, msg := range map[string]string{
		"../article.txt":      `must name a file in the dataset file's directory or below it, with / between names, got "../article.txt"`,
		"a/../../article.txt": `must name a file in the dataset file's directory or below it, with / between names, got "a/../../article.txt"`,
		`sub\article.txt`:     `must name a file in the dataset file's directory or below it, with / between names, got "sub\\article.txt"`,
		"/etc/passwd":         `must be a path relative to the dataset file, got "/etc/passwd"`,
	} {
		_, path := exampleDir(t, article)
		_, err := loadWithin(t, path)
		wantProblems(t, err, path+":7:16: meta.article: "+msg)
	}
	// .. that stays inside is the same file.
	_, path = exampleDir(t, "sub/../article.txt")
	if _, err := loadWithin(t, path); err != nil {
		t.Errorf("sub/../article.txt: %v", err)
	}
}

// TestLineEndings: problems are at the same lines and columns whether the
// file's lines end in LF, CRLF or CR alone (an old Mac's files).
func TestLineEndings(t *testing.T) {
	b, err := os.ReadFile("../testdata/bad/references.json")
	if err != nil {
		t.Fatal(err)
	}
	lf := strings.ReplaceAll(string(b), "\r\n", "\n")
	_, want := Parse("d.json", []byte(lf), nil)
	if want == nil || strings.Count(want.Error(), "\n") < 2 || !strings.Contains(want.Error(), "d.json:175:33") {
		t.Fatalf("want problems on several lines, got %v", want)
	}
	for name, eol := range map[string]string{"CRLF": "\r\n", "CR": "\r"} {
		_, err := Parse("d.json", []byte(strings.ReplaceAll(lf, "\n", eol)), nil)
		if err == nil || err.Error() != want.Error() {
			t.Errorf("%s: got\n%v\nwant\n%v", name, err, want)
		}
	}
	// and in the article
	if line, col := lineCol([]byte("a\rb\r\nc\n\xff"), 7); line != 4 || col != 1 {
		t.Errorf("byte 7 of a CR, a CRLF and an LF line is at %d:%d, want 4:1", line, col)
	}
}
