// Package golden is the SDK's golden-file helper for tests: a test renders
// its output, and [Assert] compares it with a committed file (testdata/golden/…,
// testdata/callbacks/…, penalty/LADDER.md), or rewrites that file when the test
// binary runs with -update:
//
//	go test ./penalty -update
//
// It serves no seed section itself; it backs the golden tests of fees, review,
// penalty, vcart, vcart/kpi and vcart/notify (DESIGN.md, internal/...). Only
// test files import it, and it depends on the standard library alone.
//
// # Line endings
//
// The committed file is compared after CRLF → LF normalisation of both sides,
// so a checkout with core.autocrlf=true still passes. Under -update a file
// that already matches after normalisation is left untouched, so line endings
// and timestamps do not churn.
//
// # Errors
//
// A mismatch is reported with t.Errorf naming the file, the first differing
// line (quoted, with its number) and the -update command that accepts the new
// output. A file that cannot be read or written fails the test with t.Fatalf.
//
// # Concurrency
//
// Assert and Diff are safe for concurrent use from parallel tests, provided
// no two tests write the same path. The -update flag is registered once, when
// the package is initialised, on the default flag set; a test package that
// imports golden must not register its own "update" flag.
package golden
