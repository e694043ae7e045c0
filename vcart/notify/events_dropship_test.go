package notify

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDropshipEvents(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		plain string
		want  Event
	}{
		{`{"ToUserName":"gh_s","FromUserName":"o","CreateTime":1662480000,"MsgType":"event","Event":"dropship_order_new","ds_order_id":"4400123343235833535"}`,
			&DropshipOrderEvent{Header: Header{"gh_s", "o", 1662480000, "event", EventDropshipOrderNew}, DsOrderID: "4400123343235833535"}},
		{`{"ToUserName":"gh_s","FromUserName":"o","CreateTime":1662480000,"MsgType":"event","Event":"dropship_order_update","ds_order_id":4400123343235833535,"update_time":"1662480001"}`,
			&DropshipOrderEvent{Header: Header{"gh_s", "o", 1662480000, "event", EventDropshipOrderUpdate}, DsOrderID: "4400123343235833535", UpdateTime: 1662480001}},
	} {
		got, err := DecodeEvent([]byte(tc.plain))
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(tc.want, got); d != "" {
			t.Errorf("%s (-want +got):\n%s", tc.plain, d)
		}
	}
}

func TestCooperationShopOrder_BothBodies(t *testing.T) {
	t.Parallel()
	want := CooperationOrderData{OrderID: "123", ShopAppID: "wx_shop"}
	for _, body := range []string{"Data", "EventData"} {
		ev, err := DecodeEvent([]byte(`{"ToUserName":"gh_mp","FromUserName":"o","CreateTime":1,"MsgType":"event","Event":"cooperation_shop_order","` + body + `":{"order_id":123,"shop_appid":"wx_shop"}}`))
		if err != nil {
			t.Fatal(err)
		}
		co, ok := ev.(*CooperationShopOrderEvent)
		if !ok {
			t.Fatalf("%s: decoded %T", body, ev)
		}
		if d := cmp.Diff(want, co.Order()); d != "" {
			t.Errorf("%s (-want +got):\n%s", body, d)
		}
	}
	if got := (&CooperationShopOrderEvent{}).Order(); got != (CooperationOrderData{}) {
		t.Errorf("empty event Order() = %+v", got)
	}
}
