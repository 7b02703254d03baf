package data

import (
	"bytes"
	"cmp"
	"embed"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/macun-tui/macun-tui/internal/regularfile"
)

//go:embed macun.json source/*.txt
var embedded embed.FS

// DefaultFile is the name of the embedded dataset in messages.
const DefaultFile = "macun.json"

// MaxFileSize is the largest dataset (and article) file read: 16 MiB.
const MaxFileSize = 16 << 20

// Default returns the embedded dataset. It panics if the embedded file is
// invalid, which the tests rule out.
func Default() *Dataset { return defaultDS() }

var defaultDS = sync.OnceValue(func() *Dataset {
	b, err := embedded.ReadFile(DefaultFile)
	if err == nil {
		var ds *Dataset
		if ds, err = Parse(DefaultFile, b, embedded.ReadFile); err == nil {
			return ds
		}
	}
	panic("embedded dataset: " + err.Error())
})

// Load decodes a dataset from r without an article; problems name the
// file "<input>".
func Load(r io.Reader) (*Dataset, error) {
	const name = "<input>"
	b, err := regularfile.ReadAll(r, -1, MaxFileSize)
	if err != nil {
		return nil, fileProblem(name, "%v", err)
	}
	return Parse(name, b, nil)
}

// LoadFile reads, decodes and checks the dataset file at path, and the
// article its meta.article names, relative to the directory of the file
// itself (a symbolic link to the file is followed) and inside it. Every
// error is a ProblemList whose problems name path as given.
func LoadFile(path string) (*Dataset, error) {
	b, err := regularfile.Read(path, MaxFileSize)
	if err != nil {
		return nil, fileProblem(path, "%v", err)
	}
	return Parse(path, b, func(article string) ([]byte, error) {
		f, err := openArticle(path, article)
		if err != nil {
			return nil, err
		}
		return regularfile.ReadOpen(f, MaxFileSize)
	})
}

// openArticle opens the article named article (slash-separated, checked
// to be local) of the dataset file at path: in the directory of the file
// itself, and never outside it, through .. or a symbolic link.
func openArticle(path, article string) (*os.File, error) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return nil, regularfile.Describe(err)
	}
	dir := filepath.Dir(real)
	name := filepath.Clean(filepath.FromSlash(article)) // sub/../a.txt is a.txt, though sub is not there
	// Where it leads, for the message; the root below is what keeps it
	// inside.
	if target, err := filepath.EvalSymlinks(filepath.Join(dir, name)); err == nil {
		if rel, err := filepath.Rel(dir, target); err != nil || !filepath.IsLocal(rel) {
			return nil, errors.New("it is outside the dataset file's directory")
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, regularfile.Describe(err)
	}
	defer root.Close()
	return regularfile.Open(root.OpenFile, name)
}

// Parse decodes and checks a dataset; name is the file name used in
// problems. readArticle, when not nil, reads the article the dataset names
// (a slash-separated path relative to the dataset file), and every source
// sentence is then looked up in it. The error, if any, is a ProblemList:
// the first error of syntax or type, or every problem of the values (up to
// MaxProblems).
func Parse(name string, b []byte, readArticle func(string) ([]byte, error)) (*Dataset, error) {
	switch {
	case len(b) == 0:
		return nil, fileProblem(name, "file is empty")
	case len(b) > MaxFileSize:
		return nil, fileProblem(name, "%v", regularfile.TooLarge(int64(len(b)), MaxFileSize))
	}
	ds := new(Dataset)
	if off, msg := decode(b, ds); msg != "" {
		return nil, positions(name, b, []offProblem{{off, msg}})
	}
	c := &checker{ds: ds}
	c.dataset(readArticle)
	if err := c.report(name, b); err != nil {
		return nil, err
	}
	for i := range ds.Programs {
		ds.Programs[i].Tab = cmp.Or(ds.Programs[i].Tab, tabs[0].ID)
	}
	for i := range ds.Structures {
		ds.Structures[i].Tab = cmp.Or(ds.Structures[i].Tab, tabs[0].ID)
	}
	return ds, nil
}

// decode fills ds from b, strictly: JSON without duplicate member names,
// in UTF-8, with only the members the types have, and without null. It
// returns the byte offset and the message of the first problem, or an
// empty message.
func decode(b []byte, ds *Dataset) (int, string) {
	if bytes.HasPrefix(b, []byte("\uFEFF")) {
		return 0, "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM"
	}
	err := json.Unmarshal(b, ds, json.RejectUnknownMembers(true))
	var syn *jsontext.SyntacticError
	var sem *json.SemanticError
	switch {
	case err == nil:
		if off, p := firstNull(b); off >= 0 {
			return off, at(p) + "want " + want(typeAt(p)) + ", got null"
		}
		return 0, ""
	case errors.As(err, &syn):
		off := int(syn.ByteOffset)
		if r, n := utf8.DecodeRune(b[off:]); r == utf8.RuneError && n == 1 {
			return off, fmt.Sprintf("invalid UTF-8 (byte 0x%02X); the file must be UTF-8 encoded", b[off])
		}
		switch syn.Err {
		case jsontext.ErrDuplicateName:
			line, col := lineCol(b, locate(b, string(syn.JSONPointer))[string(syn.JSONPointer)].name)
			return off, at(syn.JSONPointer.Parent()) +
				fmt.Sprintf("duplicate key %q (first at %d:%d)", syn.JSONPointer.LastToken(), line, col)
		case io.ErrUnexpectedEOF:
			return off, "syntax error: unexpected end of file"
		}
		return off, "syntax error: " + syn.Err.Error()
	case errors.As(err, &sem):
		off, p := int(sem.ByteOffset), sem.JSONPointer
		switch {
		case sem.Err == json.ErrUnknownName:
			return off, at(p.Parent()) + fmt.Sprintf("unknown field %q (%s has: %s)",
				p.LastToken(), noun(sem.GoType), strings.Join(fieldNames(sem.GoType), ", "))
		case errors.Is(sem.Err, strconv.ErrRange):
			return off, at(p) + fmt.Sprintf("number %s is out of range", sem.JSONValue)
		case sem.Err == nil && sem.JSONKind != 0:
			return off, at(p) + "want " + want(sem.GoType) + ", got " + kindName[sem.JSONKind]
		}
		return off, at(p) + "want " + want(sem.GoType) + ", got " + string(sem.JSONValue)
	}
	return 0, err.Error()
}

// firstNull returns the offset and the pointer of the first null of b,
// which is valid JSON, or -1.
func firstNull(b []byte) (int, jsontext.Pointer) {
	if !bytes.Contains(b, []byte("null")) {
		return -1, ""
	}
	dec := jsontext.NewDecoder(bytes.NewReader(b))
	for {
		off := int(dec.InputOffset())
		tok, err := dec.ReadToken()
		if err != nil {
			return -1, ""
		}
		if tok.Kind() == 'n' {
			return off + bytes.Index(b[off:], []byte("null")), dec.StackPointer()
		}
	}
}

// typeAt is the Go type of the value at p in a Dataset.
func typeAt(p jsontext.Pointer) reflect.Type {
	t := reflect.TypeFor[Dataset]()
	for tok := range p.Tokens() {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() == reflect.Slice {
			t = t.Elem()
			continue
		}
		for _, f := range fields(t) {
			if jsonName(f) == tok {
				t = f.Type
				break
			}
		}
	}
	return t
}

// fields are the fields of a struct type, those of embedded structs (which
// JSON embeds) in their place.
func fields(t reflect.Type) []reflect.StructField {
	var fs []reflect.StructField
	for i := range t.NumField() {
		if f := t.Field(i); f.Anonymous && f.Type.Kind() == reflect.Struct {
			fs = append(fs, fields(f.Type)...)
		} else {
			fs = append(fs, f)
		}
	}
	return fs
}

// jsonName is the member name of a struct field, "" for none.
func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "-" || !f.IsExported() {
		return ""
	}
	return name
}

// fieldNames are the member names of a struct type, in order.
func fieldNames(t reflect.Type) []string {
	var names []string
	for _, f := range fields(t) {
		if n := jsonName(f); n != "" {
			names = append(names, n)
		}
	}
	return names
}

// What values are written as in JSON: by their kind, and by their Go
// type's kind.
var (
	kindName = map[jsontext.Kind]string{'n': "null", 't': "boolean", 'f': "boolean", '"': "string",
		'0': "number", '{': "object", '[': "array"}
	goKindName = map[reflect.Kind]string{reflect.String: "a string", reflect.Int: "a whole number",
		reflect.Float64: "a number", reflect.Slice: "an array", reflect.Struct: "an object"}
)

// want names what a value of Go type t is written as.
func want(t reflect.Type) string {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return "a value"
	}
	return goKindName[t.Kind()]
}

// noun names an object of type t in a message.
func noun(t reflect.Type) string {
	nouns := map[string]string{"Dataset": "the dataset", "Meta": "meta", "Derived": "derived"}
	return cmp.Or(nouns[t.Name()], "a "+strings.ToLower(t.Name()))
}
