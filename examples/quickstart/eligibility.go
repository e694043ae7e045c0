package main

import (
	"fmt"
	"io"
	"time"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// eligibilityDemo checks two store applications against the seed's §一
// table (账号资质) and prints both reports: an enterprise store (企业店) that
// meets every rule, and an individual store (个体店) with several problems,
// all reported at once.
func eligibilityDemo(w io.Writer) error {
	cst := vcart.Shanghai()
	at := time.Date(2026, 3, 1, 10, 0, 0, 0, cst)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, cst) }

	checker, err := vcart.NewChecker(vcart.SeedSubjectRules())
	if err != nil {
		return err
	}

	enterprise := vcart.Applicant{
		StoreType:      vcart.StoreEnterprise,
		SubjectName:    "福州示例贸易有限公司",
		Representative: "张三",
		Account: vcart.Account{
			RealNameVerified: true, MiniShopRegistered: true, MiniShopBound: true,
			Certification: vcart.CertProfessional,
		},
		Documents: []vcart.Document{
			{Kind: vcart.DocBusinessLicence, Number: "91350100M000100Y43", Holder: "福州示例贸易有限公司", Permanent: true},
			{Kind: vcart.DocLegalRepID, Number: "11010519491231002X", Holder: "张三", ValidTo: day(2040, 1, 1)},
		},
		Brands: []vcart.BrandAuthorisation{{
			Brand: "示例", Owner: "示例品牌（中国）有限公司",
			Chain: []vcart.AuthorisationLink{{
				From: "示例品牌（中国）有限公司", To: "福州示例贸易有限公司",
				Letter: vcart.Document{Kind: vcart.DocBrandAuthorisation, ValidTo: day(2027, 1, 1)},
			}},
		}},
		// The category API (getcategoryrule) reported a ¥10,000 deposit for
		// this leaf category; the enterprise base of ¥20,000 is higher.
		Categories: []vcart.PlatformCategory{
			{ID: "6153", Name: "女装", Category: vcart.CategoryApparel, Deposit: 1_000_000},
		},
	}

	individual := vcart.Applicant{
		StoreType:      vcart.StoreIndividual,
		SubjectName:    "个体户李四",
		Representative: "李四",
		Account:        vcart.Account{RealNameVerified: true, MiniShopRegistered: true, MiniShopBound: true}, // no 视频号认证
		Documents: []vcart.Document{
			// The check digit should be 1.
			{Kind: vcart.DocOperatorID, Number: "110101199003073862", Holder: "李四", ValidTo: day(2039, 5, 1)},
			// A licence is not required of a 个体店 by the seed, but one that is
			// submitted must be in force.
			{Kind: vcart.DocBusinessLicence, Number: "110108000000016", Holder: "个体户李四", ValidTo: day(2026, 2, 1)},
		},
		// Face recognition not done; the card fails Luhn and is unverified.
		BankCard:   vcart.BankCard{Number: "6222600260001234567", Holder: "李四"},
		Categories: []vcart.PlatformCategory{{ID: "1001", Name: "零食", Category: vcart.CategoryFood}},
	}

	for i, a := range []vcart.Applicant{enterprise, individual} {
		if i > 0 {
			if _, err := fmt.Fprintln(w); err != nil {
				return err
			}
		}
		if err := checker.Check(a, at).WriteText(w); err != nil {
			return err
		}
	}
	return nil
}
