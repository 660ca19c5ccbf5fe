//go:build !race

package app

// raceDetector is off (see race_test.go).
const raceDetector = false
