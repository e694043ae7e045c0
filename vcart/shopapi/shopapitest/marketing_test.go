package shopapitest_test

import (
	"context"
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/notify"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// The fake pushes the coupon, member and sharer events where the platform
// would, and the SDK's decoder reads each into its typed event.
func TestMarketingPushes(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, vcart.Shanghai())
	clock := func() time.Time { return now }
	srv := shopapitest.NewServer(t, shopapitest.WithClock(func() time.Time { return clock() }))
	c := srv.Client()
	ctx := context.Background()
	at := now.Unix()
	spec := &shopapi.CouponSpec{Type: shopapi.CouponShopDirect, CouponInfo: shopapi.CouponInfo{Name: "立减5元",
		PromoteInfo:  shopapi.CouponPromoteInfo{PromoteType: shopapi.PromoteMember},
		DiscountInfo: &shopapi.CouponDiscount{Fee: 500},
		ReceiveInfo:  shopapi.CouponReceiveInfo{StartTime: at, EndTime: at + 86400, LimitNumOnePerson: 3, TotalNum: 10},
		ValidInfo:    shopapi.CouponValidity{ValidType: shopapi.ValidDays, ValidDayNum: 1}}}
	id, _, err := c.Coupons.Create(ctx, spec)
	must(t, err)
	spec.Name = "立减5元!"
	_, err = c.Coupons.Update(ctx, id, spec)
	must(t, err)
	_, err = c.Coupons.UpdateStatus(ctx, id, shopapi.CouponStatusValid)
	must(t, err)

	must(t, srv.JoinMember("o-m", 0))
	_, err = c.Members.IncreaseScore(ctx, &shopapi.ScoreChange{OpenID: "o-m", Score: 300, RequestID: "r1"})
	must(t, err)
	uc, err := srv.ExchangePoints("o-m", id, 100) // 积分兑换优惠券
	must(t, err)
	if score, _, _ := srv.MemberScore("o-m"); score != 200 {
		t.Errorf("score after the exchange = %d, want 200", score)
	}
	order, _, err := srv.CreatePromoOrder(shopapitest.NewOrder{OpenID: "o-m", Lines: []shopapitest.OrderLine{
		{ProductID: "10000000000000001", SKUID: "20000000000000001", Count: 1, UnitPriceFen: 2000}}}, shopapitest.Promo{UserCouponID: uc})
	must(t, err)
	must(t, srv.CancelPromoOrder(order)) // 返还
	if st, _ := srv.UserCouponStatus(uc); st != shopapi.UserCouponValid {
		t.Errorf("returned coupon status = %v", st)
	}
	_, err = c.Members.UpdateGrade(ctx, "o-m", 2)
	must(t, err)
	_, err = c.Members.AddWxaMember(ctx, "sess", "wxa-o-m", shopapi.WxaMemberInfo{Identity: "V1", OuterUserID: "u-1"})
	must(t, err)
	srv.AskMemberInfo("o-m")
	must(t, srv.BindShopSharer("o-shop", "店长"))
	now = now.Add(2 * 24 * time.Hour)
	if n := srv.ExpireCoupons(); n != 1 {
		t.Errorf("expired %d user coupons, want 1", n)
	}
	_, err = c.Coupons.UpdateStatus(ctx, id, shopapi.CouponStatusInvalid)
	must(t, err)
	_, err = c.Coupons.UpdateStatus(ctx, id, shopapi.CouponStatusDeleted)
	must(t, err)
	must(t, srv.CloseMember("o-m"))

	var names []string
	for _, e := range srv.Events() {
		if e.Name == notify.EventVipUserAutoAdd {
			// The official example sends info.identity as a string ("V1");
			// notify.VipEvent declares it FlexInt and rejects it (reported
			// to the coordinator): read the fake's fields directly.
			var v struct {
				Info struct {
					ShopAppID   string `json:"shop_appid"`
					OuterUserID string `json:"outer_userid"`
					Identity    string `json:"identity"`
				} `json:"info"`
			}
			if err := json.Unmarshal(e.Plaintext, &v); err != nil || v.Info.Identity != "V1" || v.Info.OuterUserID != "u-1" || v.Info.ShopAppID == "" {
				t.Errorf("%s: %s", e.Name, e.Plaintext)
			}
			names = append(names, e.Name)
			continue
		}
		ev, err := notify.DecodeEvent(e.Plaintext)
		if err != nil {
			t.Errorf("%s: %v", e.Name, err)
			continue
		}
		names = append(names, e.Name)
		switch v := ev.(type) {
		case *notify.CouponReceiveEvent:
			if string(v.ReceiveInfo.CouponID) != string(id) || v.ReceiveInfo.UserCouponID != uc || v.ReceiveInfo.ReceiveTime == 0 {
				t.Errorf("%s: %+v", e.Name, v.ReceiveInfo)
			}
		case *notify.CouponActionEvent:
			if string(v.CouponInfo.CouponID) != string(id) {
				t.Errorf("%s: %+v", e.Name, v.CouponInfo)
			}
		case *notify.UserCouponEvent:
			if v.UserCouponInfo.UserCouponID != uc {
				t.Errorf("%s: %+v", e.Name, v.UserCouponInfo)
			}
		case *notify.SharerChangeEvent:
			if v.OpenID != "o-shop" || v.BindStatus != 1 || v.SharerType != 1 {
				t.Errorf("%s: %+v", e.Name, v)
			}
		case *notify.VipEvent:
			if e.Name == notify.EventVipUserInfoGet && v.Info.ShopAppID == "" {
				t.Errorf("%s: %+v", e.Name, v.Info)
			}
		}
	}
	want := []string{notify.EventCouponCreate, notify.EventCouponInfoChange, notify.EventVipJoin, notify.EventVipScoreUpdate,
		notify.EventCouponReceive, notify.EventVipScoreExchange, notify.EventVipScoreUpdate, notify.EventUserCouponUse,
		notify.EventUserCouponUnuse, notify.EventVipGradeInfoUpdate, notify.EventVipUserAutoAdd, notify.EventVipUserInfoGet,
		notify.EventSharerChange, notify.EventUserCouponExpire, notify.EventCouponInvalid, notify.EventCouponDelete,
		notify.EventVipClose}
	names = slices.DeleteFunc(names, func(n string) bool { return n == notify.EventOrderNew || n == notify.EventOrderCancel })
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
