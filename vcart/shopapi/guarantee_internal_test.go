package shopapi

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNumID(t *testing.T) {
	t.Parallel()
	tests := []struct {
		id      ID
		want    string
		wantErr bool
	}{
		// Above 2^53: a float64 round-trip would end in ...616.
		{"3726524657461498624", "3726524657461498624", false},
		{"2000001077270153", "2000001077270153", false},
		{"", "", true},
		{"12a", "", true},
		{"-1", "", true},
	}
	for _, tt := range tests {
		b, err := json.Marshal(guaranteeIDBody{numID(tt.id)})
		if (err != nil) != tt.wantErr {
			t.Errorf("%q: err %v", tt.id, err)
			continue
		}
		if !tt.wantErr && string(b) != `{"guarantee_order_id":`+tt.want+`}` {
			t.Errorf("%q: %s", tt.id, b)
		}
	}
}

func TestGuaranteeDecode(t *testing.T) {
	t.Parallel()
	var got []GuaranteeStatus
	for _, in := range []string{`{"status":"10"}`, `{"status":40}`, `{"status":""}`} {
		var g Guarantee
		if err := json.Unmarshal([]byte(in), &g); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		got = append(got, g.Status)
	}
	if diff := cmp.Diff([]GuaranteeStatus{GuaranteeWaitMerchant, GuaranteeCompensated, 0}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	var g Guarantee
	if err := json.Unmarshal([]byte(`{"guarantee_order_id":3726524657461498624,"order_pay_info":{"pay_time":1}}`), &g); err != nil {
		t.Fatal(err)
	}
	if g.GuaranteeOrderID != "3726524657461498624" || string(g.Extra["order_pay_info"]) != `{"pay_time":1}` {
		t.Errorf("decoded %+v", g)
	}
	if s := GuaranteeStatus(99).String(); s != "GuaranteeStatus(99)" {
		t.Errorf("String() = %q", s)
	}
}

func TestIssue17EnumStrings(t *testing.T) {
	t.Parallel()
	got := []string{NegotiateModify.String(), FastExchangeReject.String(), GuaranteeDamageReturn.String(),
		RealNumberOtherApplyReason.String(), RealNumberApproved.String(), PhoneVerifyFailed.String(),
		WorkOrderFinished.String(), WorkOrderNoResult.String(), NegotiationKind(9).String(), WorkOrderResult(-1).String()}
	want := []string{"modify", "reject", "damage_return", "other", "approved", "failed", "finished", "none",
		"NegotiationKind(9)", "WorkOrderResult(-1)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
