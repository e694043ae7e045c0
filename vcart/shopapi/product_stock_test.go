package shopapi_test

import (
	"testing"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

func TestStock_Update(t *testing.T) {
	t.Parallel()
	srv := shopapitest.NewServer(t)
	c := srv.Client()
	ctx := t.Context()
	id, sku := addApproved(t, c, srv, "库存测试用核桃商品")
	steps := []struct {
		diff shopapi.StockDiffType
		num  int64
		want int64
		code int
	}{
		{shopapi.StockAdd, 25, 125, 0},
		{shopapi.StockSubtract, 120, 5, 0},
		{shopapi.StockSubtract, 6, 5, shopapi.CodeStockUpdateRejected}, // never negative
		{shopapi.StockSet, 0, 0, 0},
		{shopapi.StockSet, 10_000_000, 10_000_000, 0},
		{shopapi.StockAdd, 1, 10_000_000, shopapi.CodeStockUpdateRejected}, // above the cap
		{shopapi.StockSet, 42, 42, 0},
	}
	for i, s := range steps {
		_, err := c.Stock.Update(ctx, &shopapi.StockUpdateRequest{ProductID: id, SKUID: sku, DiffType: s.diff, Num: s.num})
		if got := apiCode(err); got != s.code {
			t.Fatalf("step %d (%v %d): errcode %d (%v), want %d", i, s.diff, s.num, got, err, s.code)
		}
		st, _, err := c.Stock.Get(ctx, id, sku)
		if err != nil {
			t.Fatal(err)
		}
		if st.TotalStockNum != s.want || st.NormalStockNum != s.want {
			t.Fatalf("step %d: stock %d, want %d", i, st.TotalStockNum, s.want)
		}
	}
	if _, err := c.Stock.Update(ctx, &shopapi.StockUpdateRequest{ProductID: id, SKUID: "404", DiffType: shopapi.StockAdd, Num: 1}); apiCode(err) != shopapi.CodeStockUpdateRejected {
		t.Errorf("foreign sku: %v", err)
	}
	if _, err := c.Stock.Update(ctx, &shopapi.StockUpdateRequest{ProductID: "404", SKUID: sku, DiffType: shopapi.StockAdd, Num: 1}); apiCode(err) != shopapi.CodeProductNotFound {
		t.Errorf("unknown product: %v", err)
	}
	// Client-side validation: add and subtract need num > 0.
	if _, err := c.Stock.Update(ctx, &shopapi.StockUpdateRequest{ProductID: id, SKUID: sku, DiffType: shopapi.StockAdd}); err == nil {
		t.Error("add 0 accepted")
	}
	if _, _, err := c.Stock.Get(ctx, id, "404"); apiCode(err) != shopapi.CodeSKUIDWrong {
		t.Errorf("get foreign sku: %v", err)
	}

	id2, _ := addApproved(t, c, srv, "第二个库存测试核桃")
	all, _, err := c.Stock.BatchGet(ctx, []shopapi.ID{id, id2})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[0].ProductID != id || all[0].SKUStock[0].SKUID != sku || all[0].SKUStock[0].TotalStockNum != 42 || all[1].SKUStock[0].TotalStockNum != 100 {
		t.Errorf("batch = %+v", all)
	}
	if _, _, err := c.Stock.BatchGet(ctx, []shopapi.ID{id, "404"}); apiCode(err) != shopapi.CodeProductNotFound {
		t.Errorf("batch with unknown id: %v", err)
	}
}
