module github.com/vcart-sdk/vcart-go/internal/peerbench

go 1.25.4

require github.com/vcart-sdk/vcart-go v0.0.0

require (
	github.com/coregx/ahocorasick v0.3.1
	github.com/shopspring/decimal v1.6.0 // indirect
	golang.org/x/text v0.31.0
)

replace github.com/vcart-sdk/vcart-go => ../..
