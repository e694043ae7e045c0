//go:build race

package shopapi_test

// singleFlightCallers stays under the race detector's limit of 8128 live
// goroutines.
const singleFlightCallers = 8_000
