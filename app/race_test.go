//go:build race

package app

// raceDetector is on: everything runs several times slower, so speed
// targets are benchmarks' business, not these tests'.
const raceDetector = true
