package fees

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// Column names of a WeChat Pay trade bill (交易账单) that the reader
// interprets. Other columns are kept as text in [BillRow.Fields].
const (
	ColTradeTime       = "交易时间"
	ColTransactionID   = "微信订单号"
	ColOutTradeNo      = "商户订单号"
	ColStatus          = "交易状态"
	ColCurrency        = "货币种类"
	ColSettlement      = "应结订单金额"
	ColCoupon          = "代金券金额"
	ColRefundID        = "微信退款单号"
	ColOutRefundNo     = "商户退款单号"
	ColRefund          = "退款金额"
	ColFee             = "手续费"
	ColRate            = "费率"
	ColOrderAmount     = "订单金额"
	ColRequestedRefund = "申请退款金额"
	summaryHeaderStart = "总交易单数"
)

// Errors the bill reader wraps in a [*BillError].
var (
	// ErrBillHeader reports a missing or unusable header line.
	ErrBillHeader = errors.New("fees: bad bill header")
	// ErrBillColumns reports a row whose column count differs from the header's.
	ErrBillColumns = errors.New("fees: wrong column count")
	// ErrBillAmount reports an amount that is not a plain decimal with the
	// column's number of places.
	ErrBillAmount = errors.New("fees: malformed bill amount")
	// ErrBillTime reports a trade time that is not "2006-01-02 15:04:05".
	ErrBillTime = errors.New("fees: malformed bill time")
	// ErrBillTruncated reports a bill that ends before its summary row, a
	// compressed stream cut short, or a last line that lacks fields and
	// has no line end (a plain file cut mid-row).
	ErrBillTruncated = errors.New("fees: bill truncated")
	// ErrBillLineTooLong reports a line longer than [MaxBillLine].
	ErrBillLineTooLong = errors.New("fees: bill line too long")
	// ErrBillTrailing reports content after the summary row.
	ErrBillTrailing = errors.New("fees: content after bill summary")
	// ErrBillOverflow reports a total of a column that no longer fits in an
	// int64 (a bill of absurd amounts): reconciliation stops there rather
	// than report a wrapped total.
	ErrBillOverflow = errors.New("fees: bill total overflows")
)

// Bounds of one row's amounts, each in its column's unit: the fen columns
// (应结订单金额, 退款金额 …) at [maxAmountFen] fen, and the fee column
// (手续费, five decimals, kept in 0.001 fen) at the same amount in its unit.
// Whatever a row holds, sums of up to 1024 rows then fit in an int64, and
// the reconciliation checks every addition anyway.
const (
	maxBillFen      = maxAmountFen
	maxBillMilliFen = maxAmountFen * 1000
)

// MaxBillLine is the longest line the reader accepts, in bytes. Memory use
// is bounded by it whatever the size of the bill.
const MaxBillLine = 64 << 10

// BillError locates a problem in a bill: the 1-based line and column (field
// number) and the column's name. It wraps one of the ErrBill… sentinels or
// [ErrBadRate].
type BillError struct {
	Line   int
	Column int
	Field  string
	Value  string
	Err    error
}

// Error returns "fees: bill line L, column C (name): problem".
func (e *BillError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "fees: bill line %d", e.Line)
	if e.Column > 0 {
		fmt.Fprintf(&b, ", column %d", e.Column)
		if e.Field != "" {
			fmt.Fprintf(&b, " (%s)", e.Field)
		}
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	if e.Value != "" {
		fmt.Fprintf(&b, ": %q", e.Value)
	}
	return b.String()
}

// Unwrap returns the sentinel.
func (e *BillError) Unwrap() error { return e.Err }

// BillRow is one transaction row of a trade bill. Amounts are in fen; the
// fee column has five decimals, so it is kept in units of 0.001 fen
// (FeeMilliFen, 0.04000 yuan = 4000). Text fields are plain strings safe to
// keep; the BillRow itself is reused by the next call to [BillReader.Next].
type BillRow struct {
	// Line is the 1-based line number in the file.
	Line int
	// Fields holds every column's text without its backtick prefix.
	Fields []string

	TradeTime     time.Time
	TransactionID string
	OutTradeNo    string
	Status        string
	RefundID      string
	OutRefundNo   string
	// IsRefund reports a refund row (交易状态 REFUND, or a refund ID other
	// than "0").
	IsRefund bool

	SettlementFen      int64 // 应结订单金额
	CouponFen          int64 // 代金券金额
	RefundFen          int64 // 退款金额
	OrderFen           int64 // 订单金额
	RequestedRefundFen int64 // 申请退款金额
	FeeMilliFen        int64 // 手续费, in 0.001 fen
	Rate               Rate  // 费率

	index map[string]int
}

// Field returns the text of the named column (such as "商品名称"), or "" if
// the bill has no such column.
func (r *BillRow) Field(name string) string {
	if i, ok := r.index[name]; ok && i < len(r.Fields) {
		return r.Fields[i]
	}
	return ""
}

// BillSummary is the bill's summary row (总交易单数 …). Amounts are in fen,
// the fee total in 0.001 fen.
type BillSummary struct {
	Line               int
	Count              int64 // 总交易单数
	SettlementFen      int64 // 应结订单总金额
	RefundFen          int64 // 退款总金额
	CouponRefundFen    int64 // 充值券退款总金额
	FeeMilliFen        int64 // 手续费总金额
	OrderFen           int64 // 订单总金额
	RequestedRefundFen int64 // 申请退款总金额
}

// BillReader reads a WeChat Pay trade bill (交易账单, bill_type ALL, SUCCESS
// or REFUND) as a stream, in memory bounded by [MaxBillLine] whatever the
// file's size. It accepts plain or gzip-compressed input (detected by its
// magic bytes), a UTF-8 byte-order mark, CRLF line ends, the backtick prefix
// on every field, and the summary section. A BillReader is not safe for
// concurrent use.
type BillReader struct {
	r       *bufio.Reader
	gz      *gzip.Reader
	line    int
	header  []string
	index   map[string]int
	col     colIndex
	row     BillRow
	summary *BillSummary
	state   int // 0 rows, 1 after summary header, 2 after summary row
	// noLineEnd reports that the last line read ended at EOF without a
	// line end, so a short last line is a cut file, not a bad row.
	noLineEnd bool
	err       error
}

type colIndex struct {
	time, txid, outTrade, status, settlement, coupon, refundID, outRefund, refund, fee, rate, order, reqRefund int
}

const noCol = -1

// NewBillReader reads the header line of a bill from r and returns a reader
// positioned at the first row. The header must name at least 交易时间, 手续费,
// 费率 and one of 应结订单金额 or 退款金额.
func NewBillReader(r io.Reader) (*BillReader, error) {
	br := &BillReader{}
	b := bufio.NewReaderSize(r, MaxBillLine)
	if magic, _ := b.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := gzip.NewReader(b)
		if err != nil {
			return nil, &BillError{Line: 1, Err: fmt.Errorf("%w: gzip: %v", ErrBillTruncated, err)}
		}
		br.gz = gz
		b = bufio.NewReaderSize(gz, MaxBillLine)
	}
	br.r = b
	line, err := br.readLine()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &BillError{Line: 1, Err: fmt.Errorf("%w: empty bill", ErrBillHeader)}
		}
		return nil, err
	}
	line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
	br.header = splitFields(string(line), nil)
	br.index = make(map[string]int, len(br.header))
	for i, h := range br.header {
		h = strings.TrimSpace(h)
		br.header[i] = h
		if _, dup := br.index[h]; !dup {
			br.index[h] = i
		}
	}
	get := func(name string) int {
		if i, ok := br.index[name]; ok {
			return i
		}
		return noCol
	}
	br.col = colIndex{
		time: get(ColTradeTime), txid: get(ColTransactionID), outTrade: get(ColOutTradeNo), status: get(ColStatus),
		settlement: get(ColSettlement), coupon: get(ColCoupon), refundID: get(ColRefundID), outRefund: get(ColOutRefundNo),
		refund: get(ColRefund), fee: get(ColFee), rate: get(ColRate), order: get(ColOrderAmount), reqRefund: get(ColRequestedRefund),
	}
	var missing []string
	for _, m := range []struct {
		name string
		i    int
	}{{ColTradeTime, br.col.time}, {ColFee, br.col.fee}, {ColRate, br.col.rate}} {
		if m.i == noCol {
			missing = append(missing, m.name)
		}
	}
	if br.col.settlement == noCol && br.col.refund == noCol {
		missing = append(missing, ColSettlement+"/"+ColRefund)
	}
	if len(missing) > 0 {
		return nil, &BillError{Line: 1, Err: fmt.Errorf("%w: missing column(s) %s", ErrBillHeader, strings.Join(missing, ", "))}
	}
	br.row.Fields = make([]string, 0, len(br.header))
	br.row.index = br.index
	return br, nil
}

// Header returns the bill's column names.
func (br *BillReader) Header() []string { return append([]string(nil), br.header...) }

// Summary returns the summary row once the reader has reached it.
func (br *BillReader) Summary() (BillSummary, bool) {
	if br.summary == nil {
		return BillSummary{}, false
	}
	return *br.summary, true
}

// Line returns the number of the last line read.
func (br *BillReader) Line() int { return br.line }

// readLine returns the next line without its line end. The slice is valid
// until the next read.
func (br *BillReader) readLine() ([]byte, error) {
	line, err := br.r.ReadSlice('\n')
	br.noLineEnd = false
	// The line number counts the line being read as soon as any of it
	// arrives, so an error after a partial line names that line, and an
	// error before any byte names the next one.
	if len(line) > 0 || err == nil {
		br.line++
	}
	at := br.line
	if len(line) == 0 {
		at++
	}
	switch {
	case err == nil:
	case errors.Is(err, bufio.ErrBufferFull):
		return nil, &BillError{Line: br.line, Err: ErrBillLineTooLong}
	case errors.Is(err, io.EOF):
		if len(line) == 0 {
			return nil, io.EOF
		}
		br.noLineEnd = true
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, gzip.ErrChecksum), errors.Is(err, gzip.ErrHeader):
		return nil, &BillError{Line: at, Err: fmt.Errorf("%w: %v", ErrBillTruncated, err)}
	default:
		return nil, &BillError{Line: at, Err: err}
	}
	line = bytes.TrimSuffix(line, []byte{'\n'})
	line = bytes.TrimSuffix(line, []byte{'\r'})
	return line, nil
}

// Next returns the next transaction row, or io.EOF after the summary row.
// Any other error is a *[BillError] with the line and column; the rows
// returned before it stay valid, and the reader stops there.
func (br *BillReader) Next() (*BillRow, error) {
	if br.err != nil {
		return nil, br.err
	}
	row, err := br.next()
	if err != nil {
		br.err = err
		return nil, err
	}
	return row, nil
}

func (br *BillReader) next() (*BillRow, error) {
	for {
		line, err := br.readLine()
		if errors.Is(err, io.EOF) {
			if br.state != 2 {
				return nil, &BillError{Line: br.line + 1, Err: fmt.Errorf("%w: no summary row", ErrBillTruncated)}
			}
			return nil, io.EOF
		}
		if err != nil {
			return nil, err
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		switch br.state {
		case 2:
			return nil, &BillError{Line: br.line, Err: ErrBillTrailing}
		case 1:
			if err := br.parseSummary(string(line)); err != nil {
				return nil, err
			}
			br.state = 2
			continue
		}
		if bytes.HasPrefix(line, []byte(summaryHeaderStart)) {
			br.state = 1
			continue
		}
		if err := br.parseRow(string(line)); err != nil {
			return nil, err
		}
		return &br.row, nil
	}
}

// All returns the remaining rows as an iterator; it stops after the first
// error, which it yields.
func (br *BillReader) All() iter.Seq2[*BillRow, error] {
	return func(yield func(*BillRow, error) bool) {
		for {
			row, err := br.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			if !yield(row, err) || err != nil {
				return
			}
		}
	}
}

// splitFields splits a bill line into fields. Lines whose first field
// carries the backtick prefix are split at ",`", so a comma inside a
// product name survives; other lines (the headers) are split at ",".
func splitFields(s string, dst []string) []string {
	dst = dst[:0]
	if strings.HasPrefix(s, "`") {
		s = s[1:]
		start, i := 0, 0
		for {
			j := strings.IndexByte(s[i:], ',')
			if j < 0 {
				return append(dst, s[start:])
			}
			j += i
			if j+1 < len(s) && s[j+1] == '`' {
				dst = append(dst, s[start:j])
				start = j + 2
				i = start
			} else {
				i = j + 1
			}
		}
	}
	for {
		i := strings.IndexByte(s, ',')
		if i < 0 {
			return append(dst, s)
		}
		dst = append(dst, s[:i])
		s = s[i+1:]
	}
}

func (br *BillReader) parseRow(s string) error {
	r := &br.row
	r.Fields = splitFields(s, r.Fields)
	r.Line = br.line
	if len(r.Fields) != len(br.header) {
		col := min(len(r.Fields), len(br.header)) + 1
		if br.noLineEnd && len(r.Fields) < len(br.header) {
			return &BillError{Line: br.line, Column: col, Err: fmt.Errorf("%w: last line has %d fields, header has %d, and no line end", ErrBillTruncated, len(r.Fields), len(br.header))}
		}
		return &BillError{Line: br.line, Column: col, Err: fmt.Errorf("%w: %d fields, header has %d", ErrBillColumns, len(r.Fields), len(br.header))}
	}
	c := &br.col
	f := r.Fields
	text := func(i int) string {
		if i == noCol {
			return ""
		}
		return f[i]
	}
	r.TransactionID, r.OutTradeNo, r.Status = text(c.txid), text(c.outTrade), text(c.status)
	r.RefundID, r.OutRefundNo = text(c.refundID), text(c.outRefund)
	r.IsRefund = r.Status == "REFUND" || (r.RefundID != "" && r.RefundID != "0")
	t, ok := parseBillTime(f[c.time])
	if !ok {
		return br.fieldErr(c.time, ErrBillTime)
	}
	r.TradeTime = t
	var err error
	if r.SettlementFen, err = br.amount(c.settlement, 2); err != nil {
		return err
	}
	if r.CouponFen, err = br.amount(c.coupon, 2); err != nil {
		return err
	}
	if r.RefundFen, err = br.amount(c.refund, 2); err != nil {
		return err
	}
	if r.OrderFen, err = br.amount(c.order, 2); err != nil {
		return err
	}
	if r.RequestedRefundFen, err = br.amount(c.reqRefund, 2); err != nil {
		return err
	}
	if r.FeeMilliFen, err = br.amount(c.fee, 5); err != nil {
		return err
	}
	rate, err := ParseRate(f[c.rate])
	if err != nil {
		return br.fieldErr(c.rate, ErrBadRate)
	}
	r.Rate = rate
	return nil
}

// amount parses column i with places decimals into units of 10^-places
// yuan scaled to fen (places 2) or 0.001 fen (places 5), bounded in its
// own unit (maxBillFen or maxBillMilliFen). A missing column is 0; an empty
// field is 0.
func (br *BillReader) amount(i int, places int) (int64, error) {
	if i == noCol || br.row.Fields[i] == "" {
		return 0, nil
	}
	limit := int64(maxBillFen)
	if places == 5 {
		limit = maxBillMilliFen
	}
	v, ok := parseFixed(br.row.Fields[i], places)
	if !ok || v > limit || v < -limit {
		return 0, br.fieldErr(i, ErrBillAmount)
	}
	return v, nil
}

func (br *BillReader) fieldErr(i int, err error) error {
	e := &BillError{Line: br.line, Column: i + 1, Err: err}
	if i >= 0 && i < len(br.header) {
		e.Field = br.header[i]
	}
	if i >= 0 && i < len(br.row.Fields) {
		e.Value = clip(br.row.Fields[i])
	}
	return e
}

// summaryColumns are the summary row's columns in order, with the number of
// decimals each is parsed to (the fee total is kept in 0.001 fen).
var summaryColumns = [...]struct {
	name   string
	places int
}{
	{"总交易单数", 0}, {"应结订单总金额", 2}, {"退款总金额", 2}, {"充值券退款总金额", 2},
	{"手续费总金额", 5}, {"订单总金额", 2}, {"申请退款总金额", 2},
}

func (br *BillReader) parseSummary(s string) error {
	f := splitFields(s, br.row.Fields)
	br.row.Fields = f
	if len(f) != len(summaryColumns) {
		if br.noLineEnd && len(f) < len(summaryColumns) {
			return &BillError{Line: br.line, Column: len(f) + 1,
				Err: fmt.Errorf("%w: summary has %d fields, want %d, and no line end", ErrBillTruncated, len(f), len(summaryColumns))}
		}
		return &BillError{Line: br.line, Column: min(len(f), len(summaryColumns)) + 1,
			Err: fmt.Errorf("%w: summary has %d fields, want %d", ErrBillColumns, len(f), len(summaryColumns))}
	}
	var v [len(summaryColumns)]int64
	for i, sc := range summaryColumns {
		x, ok := parseFixed(strings.TrimSpace(f[i]), sc.places)
		if !ok {
			return &BillError{Line: br.line, Column: i + 1, Field: sc.name, Value: clip(f[i]), Err: ErrBillAmount}
		}
		v[i] = x
	}
	br.summary = &BillSummary{Line: br.line, Count: v[0], SettlementFen: v[1], RefundFen: v[2], CouponRefundFen: v[3],
		FeeMilliFen: v[4], OrderFen: v[5], RequestedRefundFen: v[6]}
	return nil
}

// parseBillTime parses "2006-01-02 15:04:05" in Asia/Shanghai without
// allocating.
func parseBillTime(s string) (time.Time, bool) {
	if len(s) != 19 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':' {
		return time.Time{}, false
	}
	num := func(a, b int) int {
		n := 0
		for i := a; i < b; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, mo, d, h, mi, se := num(0, 4), num(5, 7), num(8, 10), num(11, 13), num(14, 16), num(17, 19)
	if y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), d, h, mi, se, 0, shanghai)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// FeeMoney converts a fee in 0.001 fen to CNY money, exactly.
func FeeMoney(milliFen int64) vcart.Money {
	return vcart.NewMoney(decimal.New(milliFen, -5), vcart.CNY)
}
