package shortest

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"testing"
)

// The powers of ten are 10^k's 128-bit mantissas, top bit set, as
// math/big works them out.
func TestPowersOfTen(t *testing.T) {
	for k := range pow10 {
		p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil)
		if n := p.BitLen(); n > 128 {
			p.Rsh(p, uint(n-128))
		} else {
			p.Lsh(p, uint(128-n))
		}
		want := p.FillBytes(make([]byte, 16))
		got := new(big.Int).Lsh(new(big.Int).SetUint64(pow10[k][0]), 64)
		got.Or(got, new(big.Int).SetUint64(pow10[k][1]))
		if got.Cmp(new(big.Int).SetBytes(want)) != 0 {
			t.Fatalf("10^%d: %x, want %x", k, got, want)
		}
		if 1+mulLog2of10(k) != new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil).BitLen() {
			t.Fatalf("10^%d: binary exponent %d", k, 1+mulLog2of10(k))
		}
	}
}

// check fails t unless Append writes what strconv writes.
func check(t *testing.T, x float64) {
	t.Helper()
	if got, want := string(Append(nil, x)), strconv.FormatFloat(x, 'g', -1, 64); got != want {
		t.Fatalf("Append(%b) = %q, want %q", x, got, want)
	}
}

// Numbers at the edges of the layouts and of the fast way: the e form's
// bounds, the last digits, the powers of two and ten, the halfway cases.
func TestEdges(t *testing.T) {
	for _, x := range []float64{0, math.Copysign(0, -1), 1, 2, 3, 10, 0.1, 0.2, 0.3, 1e-4, 9.999999999999999e-05, 1e-5,
		0.00012345, 999999, 999999.9999999999, 1e6, 1000000.5, 123456.7, 1e15, 1e16, 9007199254740991, 9007199254740993,
		1 << 53, 1<<63 - 1024, 1e21, 1e22, 1e23, 5e-324, math.SmallestNonzeroFloat64, 2.2250738585072014e-308,
		math.MaxFloat64, 1e-38, 1e-40, 4.35, 0.3 + 0.6, 1.0 / 3, 2.0 / 3, 100.5, 167548.95, math.Inf(1), math.Inf(-1), math.NaN()} {
		check(t, x)
		check(t, -x)
		check(t, math.Nextafter(x, math.Inf(1)))
		check(t, math.Nextafter(x, 0))
	}
	for e := -1100; e < 1100; e++ {
		check(t, math.Ldexp(1, e))
		check(t, math.Ldexp(1.5, e))
	}
	for e := -60; e < 60; e++ {
		check(t, math.Pow(10, float64(e)))
	}
}

// Random numbers of every kind a table holds: WTE with few and many
// digits, money, whole numbers, and any bits at all.
func TestRandom(t *testing.T) {
	n := 2_000_000
	if testing.Short() {
		n = 100_000
	}
	rng := rand.New(rand.NewPCG(7, 8))
	for i := range n {
		var x float64
		switch i % 5 {
		case 0:
			x = rng.Float64() * math.Pow(10, float64(rng.IntN(24)-12))
		case 1:
			x = math.Round(rng.Float64()*1e6) / math.Pow(10, float64(rng.IntN(12)))
		case 2:
			x = math.Float64frombits(rng.Uint64())
		case 3:
			x = float64(rng.IntN(100000)) * math.Pow(10, float64(rng.IntN(14)-9))
		case 4:
			x = float64(rng.Uint64()>>rng.IntN(64)) / float64(uint64(1)<<rng.IntN(64))
		}
		check(t, x)
	}
}

func FuzzAppend(f *testing.F) {
	f.Add(1.5)
	f.Add(167548.95)
	f.Fuzz(func(t *testing.T, x float64) { check(t, x) })
}

// figures are a table's kind of numbers: WTE of many digits.
var figures = func() []float64 {
	rng := rand.New(rand.NewPCG(1, 1))
	xs := make([]float64, 4096)
	for i := range xs {
		xs[i] = rng.Float64() * 300
	}
	return xs
}()

func BenchmarkStrconv(b *testing.B) {
	buf := make([]byte, 0, 64)
	for i := 0; i < b.N; i++ {
		buf = strconv.AppendFloat(buf[:0], figures[i&4095], 'g', -1, 64)
	}
}

func BenchmarkAppend(b *testing.B) {
	buf := make([]byte, 0, 64)
	for i := 0; i < b.N; i++ {
		buf = Append(buf[:0], figures[i&4095])
	}
}
