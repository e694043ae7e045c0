package match_test

import (
	"fmt"

	"github.com/vcart-sdk/vcart-go/internal/match"
)

func ExampleCompile() {
	m, err := match.Compile([]string{"最", "最佳", "国家级"})
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "国家级最佳品质"
	m.Scan(text, func(id, start, end int) bool {
		fmt.Printf("%s [%d:%d]\n", m.Pattern(id), start, end)
		return true
	})
	fmt.Println(m.Count(text), m.Contains("普通商品"))
	// Output:
	// 国家级 [0:9]
	// 最 [9:12]
	// 最佳 [9:15]
	// 3 false
}

func ExampleMatcher_AppendAll() {
	m, err := match.Compile([]string{"he", "she", "his", "hers"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, h := range m.AppendAll(nil, "ushers") {
		fmt.Println(m.Pattern(h.ID), h.Start, h.End)
	}
	// Output:
	// she 1 4
	// he 2 4
	// hers 2 6
}
