package fees_test

import (
	"bufio"
	"io"
	"strconv"

	"github.com/vcart-sdk/vcart-go/fees"
	"github.com/vcart-sdk/vcart-go/vcart"
)

// allHeader is the 27-column header of an ALL trade bill.
const allHeader = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类," +
	"应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注"

const summaryHeader = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额"

func yuan(fen int64) string {
	neg := fen < 0
	if neg {
		fen = -fen
	}
	s := strconv.FormatInt(fen/100, 10) + "." + strconv.FormatInt(100+fen%100, 10)[1:]
	if neg {
		return "-" + s
	}
	return s
}

// genBill writes a deterministic ALL bill of n rows, every fee correct under
// half-up, with a matching summary row. Every tenth row is a refund of the
// row before; its fee is the returned fee, printed negative. It returns the
// number of bytes written.
func genBill(w io.Writer, n int) int64 {
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := &countWriter{w: bw}
	io.WriteString(cw, "\ufeff"+allHeader+"\r\n")
	var sumSettle, sumRefund, sumFee, sumOrder, sumReq int64
	x := uint64(88172645463325252)
	var last int64
	buf := make([]byte, 0, 512)
	for i := range n {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		amount := int64(x%500000) + 1
		rate := fees.BasisPoints(60)
		if x%7 == 0 {
			rate = fees.BasisPoints(120)
		}
		refund := i%10 == 9
		var settle, ref, fee, order, req int64
		status, refundID, outRefund, rtype, rstate := "SUCCESS", "0", "0", "", ""
		if refund {
			ref, req = last, last
			f, _ := rate.FeeFen(ref, vcart.HalfUp)
			fee = -f * 1000
			status, refundID, outRefund, rtype, rstate = "REFUND", "5000"+strconv.Itoa(100000000+i), "R"+strconv.Itoa(i), "ORIGINAL", "SUCCESS"
		} else {
			settle, order = amount, amount
			f, _ := rate.FeeFen(settle, vcart.HalfUp)
			fee = f * 1000
			last = amount
		}
		sumSettle += settle
		sumRefund += ref
		sumFee += fee
		sumOrder += order
		sumReq += req
		buf = buf[:0]
		sec := i % 86400
		buf = append(buf, "`2026-03-01 "...)
		buf = append(buf, strconv.Itoa(100 + sec/3600)[1:]...)
		buf = append(buf, ':')
		buf = append(buf, strconv.Itoa(100 + sec/60%60)[1:]...)
		buf = append(buf, ':')
		buf = append(buf, strconv.Itoa(100 + sec%60)[1:]...)
		for _, f := range []string{"wx8888888888888888", "1900000109", "0", "", "42000000" + strconv.Itoa(1000000000+i),
			"ORDER" + strconv.Itoa(i), "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", "JSAPI", status, "OTHERS", "CNY",
			yuan(settle), "0.00", refundID, outRefund, yuan(ref), "0.00", rtype, rstate, "视频号小店商品,规格A", "",
			feeText(fee), rate.String(), yuan(order), yuan(req), ""} {
			buf = append(buf, ",`"...)
			buf = append(buf, f...)
		}
		buf = append(buf, '\r', '\n')
		cw.Write(buf)
	}
	io.WriteString(cw, summaryHeader+"\r\n")
	io.WriteString(cw, "`"+strconv.Itoa(n)+".0,`"+yuan(sumSettle)+",`"+yuan(sumRefund)+",`0.0,`"+yuan(sumFee/1000)+",`"+yuan(sumOrder)+",`"+yuan(sumReq)+"\r\n")
	bw.Flush()
	return cw.n
}

// feeText prints 0.001 fen with five decimals, as the bill's 手续费 column.
func feeText(milli int64) string {
	neg := milli < 0
	if neg {
		milli = -milli
	}
	s := strconv.FormatInt(milli/100000, 10) + "." + strconv.FormatInt(100000+milli%100000, 10)[1:]
	if neg {
		return "-" + s
	}
	return s
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
