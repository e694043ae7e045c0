package golden_test

import (
	"fmt"

	"github.com/vcart-sdk/vcart-go/internal/golden"
)

// ExampleDiff shows the message Assert reports for a stale golden file; a
// file committed with CRLF line endings still matches.
func ExampleDiff() {
	fmt.Printf("%q\n", golden.Diff([]byte("matched: 3\r\nmismatched: 1\r\n"), []byte("matched: 3\nmismatched: 1\n")))
	fmt.Println(golden.Diff([]byte("matched: 3\nmismatched: 1\n"), []byte("matched: 3\nmismatched: 2\nnot-covered: 1\n")))
	// Output:
	// ""
	// first difference at line 2, column 13:
	// 	want: "mismatched: 1\n"
	// 	 got: "mismatched: 2\n"
	// (want 2 lines, got 3)
}
