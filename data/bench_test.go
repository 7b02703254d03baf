package data_test

// Budget benchmark of loading (docs/performance.md): a generated dataset
// of 10 000 projects and 2 000 figures loads (read, strict decode,
// validation, formulas) in at most 100 ms. The embedded dataset's parse is
// reported for comparison.

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/macun-tui/macun-tui/cmd/gendata/gen"
	"github.com/macun-tui/macun-tui/data"
)

// budgetLoadBig is the most a load of the big dataset may take.
const budgetLoadBig = 100 * time.Millisecond

// writeBig writes the big dataset into a temporary directory of b.
func writeBig(b *testing.B) string {
	b.Helper()
	p := filepath.Join(b.TempDir(), "big.json")
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	err = gen.Write(f, gen.Options{Projects: 10000, Figures: 2000, Seed: 1})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// BenchmarkLoadBig: data.LoadFile of 10 000 projects and 2 000 figures
// (about 6 MB), as --data FILE does.
func BenchmarkLoadBig(b *testing.B) {
	p := writeBig(b)
	st, err := os.Stat(p)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		ds, err := data.LoadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		if len(ds.Projects) != 10000 || len(ds.Figures) != 2000 {
			b.Fatalf("loaded %d projects and %d figures", len(ds.Projects), len(ds.Figures))
		}
	}
	ms := float64(b.Elapsed().Nanoseconds()) / float64(b.N) / 1e6
	b.ReportMetric(ms, "ms/load")
	b.ReportMetric(ms/float64(budgetLoadBig.Milliseconds()), "ratio-to-budget")
	if b.N >= 5 && os.Getenv("MACUN_BENCH_NOFAIL") == "" && ms > 1.25*float64(budgetLoadBig.Milliseconds()) {
		b.Errorf("loading 10 000 projects and 2 000 figures takes %.1f ms, budget %v", ms, budgetLoadBig)
	}
}

// BenchmarkParseEmbedded: the embedded dataset and its article, decoded
// and checked (what data.Default does once per process).
func BenchmarkParseEmbedded(b *testing.B) {
	raw, err := os.ReadFile("macun.json")
	if err != nil {
		b.Fatal(err)
	}
	dir := "."
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		_, err := data.Parse("macun.json", raw, func(p string) ([]byte, error) {
			return os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e6, "ms/parse")
}
