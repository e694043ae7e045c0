package notify

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/vcart-sdk/vcart-go/internal/wirecheck"
)

func hdr(event string) Header {
	return Header{ToUserName: "gh_shop", FromUserName: "o_user", CreateTime: 1662480000, MsgType: "event", Event: event}
}

const hdrJSON = `"ToUserName":"gh_shop","FromUserName":"o_user","CreateTime":1662480000,"MsgType":"event"`

func TestDecodeEvent_Catalogue(t *testing.T) {
	t.Parallel()
	spuAudit := &ProductSpuAuditEvent{Header: hdr(EventProductSpuAudit)}
	spuAudit.ProductSpuAudit.ProductID = "23423523452345235"
	spuAudit.ProductSpuAudit.Status = 2
	spuAudit.ProductSpuAudit.Reason = "类目不符"
	spuAudit.ProductSpuAudit.ProductType = 1
	spuAudit.ProductSpuAudit.AuditInfo.Raw = json.RawMessage(`{"busi_audit_info":{"item_list":[{"multi_failed_reasons":[{"audit_reason":"图片不清晰"}],"busi_show_field_api":"product.cat_v2","applicable_strategy_flag_list":[]}],"user_strategy_flag_list":[2,1]}}`)
	spuAudit.ProductSpuAudit.AuditInfo.BusiAuditInfo.UserStrategyFlagList = []FlexInt{2, 1}
	spuAudit.ProductSpuAudit.AuditInfo.BusiAuditInfo.ItemList = append(spuAudit.ProductSpuAudit.AuditInfo.BusiAuditInfo.ItemList, struct {
		MultiFailedReasons []struct {
			AuditReason string `json:"audit_reason"`
		} `json:"multi_failed_reasons"`
		BusiShowFieldAPI           string    `json:"busi_show_field_api"`
		ApplicableStrategyFlagList []FlexInt `json:"applicable_strategy_flag_list"`
	}{
		MultiFailedReasons: []struct {
			AuditReason string `json:"audit_reason"`
		}{{AuditReason: "图片不清晰"}},
		BusiShowFieldAPI:           "product.cat_v2",
		ApplicableStrategyFlagList: []FlexInt{},
	})

	cancelNum := &OrderCancelEvent{Header: hdr(EventOrderCancel), OrderInfo: OrderInfo{OrderID: "3705115058471208928", CancelType: 1}}
	catAudit := &ProductCategoryAuditEvent{Header: hdr(EventProductCategoryAudit)}
	catAudit.ProductCategoryAudit.AuditID = "9001"
	catAudit.ProductCategoryAudit.Status = 1
	aftersale := &AftersaleUpdateEvent{Header: hdr(EventAftersaleUpdate)}
	aftersale.Aftersale.AftersaleOrderID = "1234"
	aftersale.Aftersale.Status = "MERCHANT_REFUND_SUCCESS"
	aftersale.Aftersale.OrderID = "3705115058471208928"
	closeStore := &CloseStoreEvent{Header: hdr(EventCloseStore), AppID: "wxshop", CloseTimestamp: 1662480000}
	stock := &StockNotEnoughEvent{Header: hdr(EventStockNotEnough)}
	stock.StockInfo.ProductID = "324545"
	stock.StockInfo.SKUID = "9328425"
	stock.StockInfo.RemainingStockAmount = 3
	coupon := &CouponActionEvent{Header: hdr(EventCouponExpire)}
	coupon.CouponInfo.CouponID = "c1"
	coupon.CouponInfo.ExpireTime = 1662480000
	tests := []struct {
		name    string
		json    string
		want    Event
		wantErr error
	}{
		{"order_new with numeric id", `{` + hdrJSON + `,"Event":"channels_ec_order_new","order_info":{"order_id":3705115058471208928}}`,
			&OrderNewEvent{Header: hdr(EventOrderNew), OrderInfo: OrderInfo{OrderID: "3705115058471208928"}}, nil},
		{"order_cancel with strings", `{` + hdrJSON + `,"Event":"channels_ec_order_cancel","order_info":{"order_id":"3705115058471208928","cancel_type":"1"}}`, cancelNum, nil},
		{"order_cancel with numbers", `{` + hdrJSON + `,"Event":"channels_ec_order_cancel","order_info":{"order_id":3705115058471208928,"cancel_type":1}}`, cancelNum, nil},
		{"order_pay pay_time string", `{` + hdrJSON + `,"Event":"channels_ec_order_pay","order_info":{"order_id":"1","pay_time":"1658509200"}}`,
			&OrderPayEvent{Header: hdr(EventOrderPay), OrderInfo: OrderInfo{OrderID: "1", PayTime: 1658509200}}, nil},
		{"order_settle", `{` + hdrJSON + `,"Event":"channels_ec_order_settle","order_info":{"order_id":"1","settle_time":"1662480000"}}`,
			&OrderSettleEvent{Header: hdr(EventOrderSettle), OrderInfo: OrderInfo{OrderID: "1", SettleTime: 1662480000}}, nil},
		{"order_deliver", `{` + hdrJSON + `,"Event":"channels_ec_order_deliver","order_info":{"order_id":7,"finish_delivery":1}}`,
			&OrderDeliverEvent{Header: hdr(EventOrderDeliver), OrderInfo: OrderInfo{OrderID: "7", FinishDelivery: 1}}, nil},
		{"order_confirm", `{` + hdrJSON + `,"Event":"channels_ec_order_confirm","order_info":{"order_id":7,"confirm_type":"2"}}`,
			&OrderConfirmEvent{Header: hdr(EventOrderConfirm), OrderInfo: OrderInfo{OrderID: "7", ConfirmType: 2}}, nil},
		{"spu audit with audit_info string", `{` + hdrJSON + `,"Event":"product_spu_audit","ProductSpuAudit":{"product_id":23423523452345235,"status":2,"reason":"类目不符","product_type":1,` +
			`"audit_info":"{\"busi_audit_info\":{\"item_list\":[{\"multi_failed_reasons\":[{\"audit_reason\":\"图片不清晰\"}],\"busi_show_field_api\":\"product.cat_v2\",\"applicable_strategy_flag_list\":[]}],\"user_strategy_flag_list\":[2,1]}}"}}`, spuAudit, nil},
		{"spu audit with audit_info object", `{` + hdrJSON + `,"Event":"product_spu_audit","ProductSpuAudit":{"product_id":"23423523452345235","status":"2","reason":"类目不符","product_type":"1",` +
			`"audit_info":{"busi_audit_info":{"item_list":[{"multi_failed_reasons":[{"audit_reason":"图片不清晰"}],"busi_show_field_api":"product.cat_v2","applicable_strategy_flag_list":[]}],"user_strategy_flag_list":[2,1]}}}}`, spuAudit, nil},
		{"category audit status string", `{` + hdrJSON + `,"Event":"product_category_audit","ProductCategoryAudit":{"audit_id":"9001","status":"1","reason":""}}`, catAudit, nil},
		{"aftersale", `{` + hdrJSON + `,"Event":"channels_ec_aftersale_update","finder_shop_aftersale_status_update":{"after_sale_order_id":1234,"status":"MERCHANT_REFUND_SUCCESS","order_id":"3705115058471208928"}}`, aftersale, nil},
		{"close store timestamp string", `{` + hdrJSON + `,"Event":"channels_ec_close_store","appid":"wxshop","close_timestamp":"1662480000"}`, closeStore, nil},
		{"stock", `{` + hdrJSON + `,"Event":"channels_ec_stock_no_enough","channels_ec_stock_no_enough":{"product_id":"324545","sku_id":9328425,"remaining_stock_amount":"3"}}`, stock, nil},
		{"coupon action shares a type", `{` + hdrJSON + `,"Event":"channels_ec_coupon_expire","coupon_info":{"coupon_id":"c1","expire_time":"1662480000"}}`, coupon, nil},
		{"unknown event delivered raw", `{` + hdrJSON + `,"Event":"brand_new_event","x":1}`,
			&UnknownEvent{Header: hdr("brand_new_event"), Raw: json.RawMessage(`{` + hdrJSON + `,"Event":"brand_new_event","x":1}`)}, nil},
		{"no Event", `{` + hdrJSON + `}`, nil, ErrMalformed},
		{"not JSON", `xx`, nil, ErrMalformed},
		{"known event, wrong field type", `{` + hdrJSON + `,"Event":"channels_ec_order_pay","order_info":{"order_id":{"x":1}}}`, nil, ErrMalformed},
		{"FlexInt not a number", `{` + hdrJSON + `,"Event":"channels_ec_order_pay","order_info":{"order_id":"1","pay_time":"soon"}}`, nil, ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := DecodeEvent([]byte(tt.json))
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("DecodeEvent() error = %v, want %v", err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("DecodeEvent() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCatalogue checks that every event name of channels-api §4.6 has a
// typed struct whose JSON body decodes, and that the registry is complete.
func TestCatalogue(t *testing.T) {
	t.Parallel()
	names := KnownEvents()
	const want = 45 + 5 // + dropship and cooperation events (issue 20)
	if len(names) != want {
		t.Errorf("KnownEvents() has %d names, want %d", len(names), want)
	}
	for _, n := range names {
		ev := NewEvent(n)
		if ev == nil {
			t.Fatalf("NewEvent(%q) = nil", n)
		}
		got, err := DecodeEvent([]byte(`{` + hdrJSON + `,"Event":"` + n + `"}`))
		if err != nil {
			t.Errorf("%s: DecodeEvent() error = %v", n, err)
			continue
		}
		if _, unknown := got.(*UnknownEvent); unknown {
			t.Errorf("%s decoded as unknown", n)
		}
		if got.EventName() != n || got.EventHeader().ToUserName != "gh_shop" {
			t.Errorf("%s: header = %+v", n, got.EventHeader())
		}
	}
	if NewEvent("nope") != nil {
		t.Error(`NewEvent("nope") != nil`)
	}
}

func TestFlexTypes(t *testing.T) {
	t.Parallel()
	type pair struct {
		S FlexString `json:"s"`
		I FlexInt    `json:"i"`
	}
	tests := []struct {
		in      string
		want    pair
		wantErr bool
	}{
		{`{"s":"abc","i":5}`, pair{"abc", 5}, false},
		{`{"s":3705115058471208928,"i":"42"}`, pair{"3705115058471208928", 42}, false},
		{`{"s":null,"i":null}`, pair{}, false},
		{`{"s":-1.5e3,"i":""}`, pair{"-1.5e3", 0}, false},
		{`{"s":true}`, pair{}, true},
		{`{"s":{}}`, pair{}, true},
		{`{"i":1.5}`, pair{}, true},
		{`{"i":"x"}`, pair{}, true},
		{`{"i":99999999999999999999}`, pair{}, true},
	}
	for _, tt := range tests {
		var got pair
		err := json.Unmarshal([]byte(tt.in), &got)
		if (err != nil) != tt.wantErr {
			t.Errorf("%s: error = %v, wantErr %v", tt.in, err, tt.wantErr)
			continue
		}
		if !tt.wantErr {
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s: mismatch (-want +got):\n%s", tt.in, diff)
			}
		}
	}
	if FlexString("x").String() != "x" || FlexInt(7).Int64() != 7 {
		t.Error("accessors")
	}
	b, err := json.Marshal(pair{"1", 2})
	if err != nil || string(b) != `{"s":"1","i":2}` {
		t.Errorf("Marshal = %s, %v", b, err)
	}
}

func TestAuditInfo_MarshalRoundTrip(t *testing.T) {
	t.Parallel()
	var a AuditInfo
	if err := json.Unmarshal([]byte(`"{\"busi_audit_info\":{\"user_strategy_flag_list\":[1]}}"`), &a); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `"{\"busi_audit_info\":{\"user_strategy_flag_list\":[1]}}"` {
		t.Errorf("Marshal = %s", b)
	}
	var empty AuditInfo
	if err := json.Unmarshal([]byte(`""`), &empty); err != nil || len(empty.Raw) != 0 {
		t.Errorf("empty string: %v %+v", err, empty)
	}
	if b, _ := json.Marshal(empty); string(b) != `""` {
		t.Errorf("Marshal(empty) = %s", b)
	}
	if err := json.Unmarshal([]byte(`"{bad"`), &empty); err == nil {
		t.Error("bad inner JSON accepted")
	}
}

// eventsWithoutExample lists decoded events that have no official example
// fixture yet, with the reason. The list only shrinks.
var eventsWithoutExample = map[string]string{
	"channels_ec_coupon_create":         "page not read yet (the coupon_callback index lists it; create/expire/info_change share coupon_info with the pages read: delete, invalid)",
	"channels_ec_coupon_expire":         "page not read yet (same coupon_info body as channels_ec_coupon_delete and _invalid, which are checked)",
	"channels_ec_coupon_info_change":    "page not read yet (same coupon_info body as channels_ec_coupon_delete and _invalid, which are checked)",
	"channels_ec_order_wait_shipping":   "no page found for it in the store docs searched (the order callback pages read: new, cancel, pay, deliver, confirm, settle, ext_info); kept from the catalogue",
	"channels_ec_user_coupon_unuse":     "page not read yet (user_coupon_info as channels_ec_user_coupon_expire, which is checked)",
	"channels_ec_vip_close":             "not in the store's notify index read; older 会员 pages not read",
	"channels_ec_vip_grade_info_update": "not in the store's notify index read; older 会员 pages not read",
	"channels_ec_vip_join":              "not in the store's notify index read (wxa_callback lists user_info_get, user_auto_add and the order discount events); older 会员 pages not read",
	"channels_ec_vip_score_exchange":    "not in the store's notify index read; older 会员 pages not read",
	"channels_ec_vip_score_update":      "not in the store's notify index read; older 会员 pages not read",
	"channels_ec_voucher_send_succ":     "page not read yet (local-life voucher events)",
	"product_order_status_update":       "legacy 小商店 event; its page predates the store docs and was not read",
	"user_enter_tempsession":            "customer-service session event of the mini-program docs; page not read",
	"related_shop_order_submission":     "named on the cooperation_shop_order page as the same notice for newly associated accounts; no example of its own",
}

// TestOfficialEventExamples decodes each event's official example (from its
// doc page, testdata/official/<event>.txt) with the typed event and fails on
// any key the type neither declares nor keeps raw.
func TestOfficialEventExamples(t *testing.T) {
	t.Parallel()
	fixtures, err := wirecheck.Load("testdata/official")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range fixtures {
		name := f.Header["event"]
		if want := "testdata/official/" + name + ".txt"; f.File != want {
			t.Errorf("%s: keep the fixture of event %q at %s", f.File, name, want)
		}
		if NewEvent(name) == nil {
			t.Errorf("%s: %q is not a decoded event (KnownEvents)", f.File, name)
			continue
		}
		seen[name] = true
		for _, sec := range f.Names("event") {
			plain, _ := f.JSON(sec)
			label := f.File + " [" + sec + "]"
			ev, err := DecodeEvent(plain)
			if err != nil {
				t.Errorf("%s: %v", label, err)
				continue
			}
			if ev.EventName() != name {
				t.Errorf("%s: decoded event %q, the header says %q", label, ev.EventName(), name)
			}
			missing, err := wirecheck.Uncovered(reflect.TypeOf(ev), plain)
			if err != nil {
				t.Errorf("%s: %v", label, err)
				continue
			}
			if len(missing) > 0 {
				t.Errorf("%s: %T does not declare the example's keys %q", label, ev, missing)
			}
		}
	}
	for _, name := range KnownEvents() {
		reason, exempt := eventsWithoutExample[name]
		switch {
		case seen[name] && exempt:
			t.Errorf("%s: has a fixture but is listed in eventsWithoutExample (%s)", name, reason)
		case !seen[name] && !exempt:
			t.Errorf("%s: no official example in testdata/official/%s.txt (or a reason in eventsWithoutExample)", name, name)
		}
	}
	t.Logf("official event examples: %d of %d decoded events checked", len(seen), len(KnownEvents()))
}

// The bodies official pages spell two ways decode either way.
func TestEvent_AlternateBodies(t *testing.T) {
	t.Parallel()
	use, err := DecodeEvent([]byte(`{` + hdrJSON + `,"Event":"channels_ec_user_coupon_use","use_info":{"coupon_id":"1","user_coupon_id":"2","order_id":"3","use_time":"1662480000"}}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := use.(*UserCouponEvent).Info(); got.OrderID != "3" || got.UseTime != 1662480000 {
		t.Errorf("use_info: %+v", got)
	}
	exp, err := DecodeEvent([]byte(`{` + hdrJSON + `,"Event":"channels_ec_user_coupon_expire","user_coupon_info":{"coupon_id":"1","user_coupon_id":"2","expire_time":"5"}}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := exp.(*UserCouponEvent).Info(); got.ExpireTime != 5 || got.CouponID != "1" {
		t.Errorf("user_coupon_info: %+v", got)
	}
	for _, key := range []string{"appid", "bind_appid"} {
		ev, err := DecodeEvent([]byte(`{` + hdrJSON + `,"Event":"channels_ec_close_store","` + key + `":"wxapp","close_timestamp":"1662480000"}`))
		if err != nil {
			t.Fatal(err)
		}
		if got := ev.(*CloseStoreEvent).ShopAppID(); got != "wxapp" {
			t.Errorf("%s: ShopAppID() = %q", key, got)
		}
	}
}
