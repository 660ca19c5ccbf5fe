// Package shortest writes a float64 as the shortest text that reads back
// as the same number: exactly the text of strconv.FormatFloat(x, 'g', -1,
// 64), which the data files' contracts name. A national projection table
// is ten million figures, and writing them was most of its time; this
// writes a table's kind of figure (a normal number from about 1e-37 to
// 4.6e18, not a power of two) in about half the time, and hands every
// other number to strconv.
//
// The digits are Dragonbox's (Junekey Jeon, 2020), worked out as Go's own
// strconv works them out (internal/strconv/ftoadbox.go) step for step.
// The speed comes from the rest: full 64-bit multiplies, the powers of ten
// needed made exactly from powers of five rather than read from a table,
// and the digits laid out straight into the text.
package shortest

import (
	"math"
	"math/bits"
	"slices"
	"strconv"
)

// Append appends x's text, as strconv.AppendFloat(buf, x, 'g', -1, 64).
func Append(buf []byte, x float64) []byte {
	b := math.Float64bits(x)
	field := int(b>>52) & 0x7ff
	frac := b & (1<<52 - 1)
	if field == 0 || field == 0x7ff || frac == 0 {
		// zero, subnormal, infinite, NaN, or a power of two (which
		// Dragonbox works out on a path of its own)
		return strconv.AppendFloat(buf, x, 'g', -1, 64)
	}
	mant := frac | 1<<52
	exp := field - 1075 // x is mant × 2^exp
	k0 := -mulLog10of2(exp)
	if k0+kappa < 0 || k0+kappa > maxPow {
		return strconv.AppendFloat(buf, x, 'g', -1, 64)
	}
	digits, e := dragonbox(mant, exp, k0)
	return layOut(buf, b>>63 != 0, digits, e)
}

const (
	kappa = 2
	// maxPow is the largest power of ten used: 10^55 = 5^55 × 2^55, and
	// 5^55 fits in 128 bits, so its 128-bit mantissa is exact.
	maxPow = 55
)

// pow10 holds 10^k for k from 0 to maxPow as 128-bit mantissas with the
// top bit set: 10^k = (hi × 2^64 + lo) × 2^(e - 128), e being
// 1 + floor(k × log2 10). They are exact, as strconv's table's are for
// these k.
var pow10 = func() (t [maxPow + 1][2]uint64) {
	hi, lo := uint64(0), uint64(1) // 5^k
	for k := range t {
		shift := uint(bits.LeadingZeros64(hi))
		if hi == 0 {
			shift = 64 + uint(bits.LeadingZeros64(lo))
		}
		switch {
		case shift >= 64:
			t[k] = [2]uint64{lo << (shift - 64), 0}
		case shift == 0:
			t[k] = [2]uint64{hi, lo}
		default:
			t[k] = [2]uint64{hi<<shift | lo>>(64-shift), lo << shift}
		}
		// 5^(k+1) = 5^k × 5
		carry, low := bits.Mul64(lo, 5)
		hi, lo = hi*5+carry, low
	}
	return t
}()

// dragonbox works out x's shortest digits as strconv's dboxFtoa64 does
// for a number that is not a power of two: x is digits × 10^e, digits
// having no trailing zeros (Dragonbox's second answer has none to trim).
func dragonbox(mant uint64, exp, k0 int) (digits uint64, e int) {
	const (
		p10k  = 100       // 10^kappa
		p10k1 = p10k * 10 // 10^(kappa+1)
	)
	phiHi, phiLo := pow10[kappa+k0][0], pow10[kappa+k0][1]
	beta := uint(exp + mulLog2of10(kappa+k0)) // exp + e1 - 1
	zi, exact := mulPow(uint64(mant*2+1)<<beta, phiHi, phiLo)
	s, r := zi/p10k1, uint32(zi%p10k1)
	delta := uint32(phiHi >> (64 - 1 - beta))

	if r < delta {
		if r != 0 || !exact || mant%2 == 0 {
			s, zeros := trimZeros(s)
			return s, -k0 + 1 + zeros
		}
		s--
		r = p10k * 10
	} else if r == delta {
		parity, exact := parity(mant*2-1, phiHi, phiLo, beta)
		if parity || (exact && mant%2 == 0) {
			s, zeros := trimZeros(s)
			return s, -k0 + 1 + zeros
		}
	}

	D := r + p10k/2 - delta/2
	t, rho := D/p10k, D%p10k
	yru := 10*s + uint64(t)
	if rho == 0 {
		parity, exact := parity(mant*2, phiHi, phiLo, beta)
		if parity != ((D-p10k/2)%2 != 0) || exact && yru%2 != 0 {
			yru--
		}
	}
	return yru, -k0
}

// trimZeros is x without its trailing zeros, and how many there were
// (strconv's: dividing by 10^8, 10^4, 10^2 and 10 by multiplying by their
// odd part's inverse, and rotating).
func trimZeros(x uint64) (uint64, int) {
	const (
		div1e8m  = 0xc767074b22e90e21
		div1e8le = math.MaxUint64 / 100000000
		div1e4m  = 0xd288ce703afb7e91
		div1e4le = math.MaxUint64 / 10000
		div1e2m  = 0x8f5c28f5c28f5c29
		div1e2le = math.MaxUint64 / 100
		div1e1m  = 0xcccccccccccccccd
		div1e1le = math.MaxUint64 / 10
	)
	p := 0
	for d := bits.RotateLeft64(x*div1e8m, -8); d <= div1e8le; d = bits.RotateLeft64(x*div1e8m, -8) {
		x = d
		p += 8
	}
	if d := bits.RotateLeft64(x*div1e4m, -4); d <= div1e4le {
		x = d
		p += 4
	}
	if d := bits.RotateLeft64(x*div1e2m, -2); d <= div1e2le {
		x = d
		p += 2
	}
	if d := bits.RotateLeft64(x*div1e1m, -1); d <= div1e1le {
		x = d
		p++
	}
	return x, p
}

// mulPow is the integer part of u × phi / 2^128, and whether there is no
// fraction.
func mulPow(u, phiHi, phiLo uint64) (uint64, bool) {
	hi, lo := bits.Mul64(u, phiHi)
	mid, _ := bits.Mul64(u, phiLo)
	lo, carry := bits.Add64(lo, mid, 0)
	return hi + carry, lo == 0
}

// parity is the parity of the integer part of mant2 × phi / 2^(128-beta)
// and whether there is no fraction (strconv's dboxParity64).
func parity(mant2, phiHi, phiLo uint64, beta uint) (odd, whole bool) {
	midHi, lo := bits.Mul64(mant2, phiLo)
	hi := mant2*phiHi + midHi
	odd = (hi>>(64-beta))&1 != 0
	whole = (hi<<beta)|(lo>>(64-beta)) == 0
	return odd, whole
}

// mulLog10of2 is floor(e × log10 2), and mulLog2of10 floor(e × log2 10),
// for the exponents met here (strconv's, tested for -1600 to 1600 and
// -500 to 500).
func mulLog10of2(e int) int { return (e * 78913) >> 18 }
func mulLog2of10(e int) int { return (e * 108853) >> 15 }

// pairs is the text of 00 to 99.
const pairs = "00010203040506070809" +
	"10111213141516171819" +
	"20212223242526272829" +
	"30313233343536373839" +
	"40414243444546474849" +
	"50515253545556575859" +
	"60616263646566676869" +
	"70717273747576777879" +
	"80818283848586878889" +
	"90919293949596979899"

// length is how many decimal digits u has.
func length(u uint64) int {
	n := (bits.Len64(u) * 1233) >> 12 // floor(bits × log10 2): n or n-1 digits
	if n < len(powers) && u >= powers[n] {
		n++
	}
	return max(n, 1)
}

var powers = [...]uint64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19}

// decimal writes u's digits, the last just before d's end: eight at a
// time in 32-bit arithmetic, quicker than two at a time in 64.
func decimal(d []byte, u uint64) {
	i := len(d)
	for u >= 1e8 {
		q := u / 1e8
		eight((*[8]byte)(d[i-8:i]), uint32(u-q*1e8))
		i -= 8
		u = q
	}
	v := uint32(u)
	for v >= 100 {
		q := v / 100
		p := (v - q*100) * 2
		i -= 2
		d[i], d[i+1] = pairs[p], pairs[p+1]
		v = q
	}
	if v >= 10 {
		d[i-2], d[i-1] = pairs[v*2], pairs[v*2+1]
	} else {
		d[i-1] = byte('0' + v)
	}
}

// eight writes v (under 10^8) as eight digits.
func eight(d *[8]byte, v uint32) {
	hi, lo := v/10000, v%10000
	a, b := (hi/100)*2, (hi%100)*2
	c, e := (lo/100)*2, (lo%100)*2
	d[0], d[1], d[2], d[3] = pairs[a], pairs[a+1], pairs[b], pairs[b+1]
	d[4], d[5], d[6], d[7] = pairs[c], pairs[c+1], pairs[e], pairs[e+1]
}

// layOut writes digits × 10^e as strconv's 'g' with the shortest digits
// does: d.ddde±XX when the exponent is below -4 or from 6, else fixed
// point. The text is written straight into buf's spare room: copying it
// there from elsewhere took longer than working it out.
func layOut(buf []byte, neg bool, digits uint64, e int) []byte {
	start := len(buf)
	buf = slices.Grow(buf, 32) // 17 digits, a sign, "0.000" or "." and "e-dd"
	out := buf[start : start+32]
	i := 0
	if neg {
		out[0] = '-'
		i = 1
	}
	n := length(digits)
	exp := n + e - 1 // of the first digit
	switch {
	case exp < -4 || exp >= 6:
		decimal(out[:i+1+n], digits) // written one place on, for the point
		out[i] = out[i+1]
		i++
		if n > 1 {
			out[i] = '.'
			i += n
		}
		out[i] = 'e'
		i++
		if exp < 0 {
			out[i], exp = '-', -exp
		} else {
			out[i] = '+'
		}
		i++
		// two digits: the fast way's numbers are from about 1e-37 to 4.6e18
		out[i], out[i+1] = pairs[exp*2], pairs[exp*2+1]
		i += 2
	case exp < 0: // 0.000ddd
		i += copy(out[i:], "0.0000"[:1-exp])
		decimal(out[:i+n], digits)
		i += n
	case exp+1 >= n: // ddd000, a whole number
		decimal(out[:i+n], digits)
		i += n
		i += copy(out[i:], "000000"[:exp+1-n])
	default: // ddd.ddd
		decimal(out[:i+1+n], digits)
		for j := i; j <= i+exp; j++ {
			out[j] = out[j+1]
		}
		out[i+exp+1] = '.'
		i += n + 1
	}
	return buf[:start+i]
}
