package vcart

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestDocument_ValidAt(t *testing.T) {
	t.Parallel()
	from, to := day(2020, 1, 1), day(2026, 3, 1)
	tests := []struct {
		name        string
		d           Document
		at          time.Time
		wantValid   bool
		wantExpired bool
	}{
		{"inside", Document{ValidFrom: from, ValidTo: to}, day(2025, 1, 1), true, false},
		{"at start", Document{ValidFrom: from, ValidTo: to}, from, true, false},
		{"before start", Document{ValidFrom: from, ValidTo: to}, from.Add(-time.Second), false, false},
		{"last instant", Document{ValidFrom: from, ValidTo: to}, to.Add(-time.Nanosecond), true, false},
		{"end is exclusive", Document{ValidFrom: from, ValidTo: to}, to, false, true},
		{"after end", Document{ValidTo: to}, day(2027, 1, 1), false, true},
		{"unknown start", Document{ValidTo: to}, day(1990, 1, 1), true, false},
		{"unknown end", Document{ValidFrom: from}, day(2099, 1, 1), true, false},
		{"nothing known", Document{}, day(2026, 1, 1), true, false},
		{"permanent ignores end", Document{ValidFrom: from, ValidTo: to, Permanent: true}, day(2099, 1, 1), true, false},
		{"permanent not yet started", Document{ValidFrom: from, Permanent: true}, day(2019, 1, 1), false, false},
		{"other time zone", Document{ValidTo: to}, time.Date(2026, 2, 28, 16, 0, 0, 0, time.UTC), false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := tt.d.ValidAt(tt.at); got != tt.wantValid {
				t.Errorf("ValidAt() = %v, want %v", got, tt.wantValid)
			}
			if got := tt.d.Expired(tt.at); got != tt.wantExpired {
				t.Errorf("Expired() = %v, want %v", got, tt.wantExpired)
			}
		})
	}
}

func TestDocumentKind_ChineseName(t *testing.T) {
	t.Parallel()
	kinds := []DocumentKind{DocBusinessLicence, DocLegalRepID, DocOperatorID, DocBrandAuthorisation, DocTrademark,
		DocFoodLicence, DocFoodBusinessLicence, DocCosmeticsFiling, DocCCC, DocBankAccount, "other"}
	var got []string
	for _, k := range kinds {
		got = append(got, k.ChineseName())
	}
	want := []string{"营业执照", "法人身份证", "经营者身份证", "品牌授权书", "商标注册证",
		"食品生产许可证", "食品经营许可证", "化妆品备案/注册凭证", "3C认证证书", "结算银行卡", "other"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ChineseName mismatch (-want +got):\n%s", diff)
	}
}
