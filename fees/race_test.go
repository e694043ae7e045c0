//go:build race

package fees_test

const raceEnabled = true
