//go:build !race

package shopapi_test

// singleFlightCallers is the number of concurrent Token callers in the
// single-flight test.
const singleFlightCallers = 10_000
