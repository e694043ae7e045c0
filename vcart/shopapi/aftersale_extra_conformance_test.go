package shopapi

import (
	"context"
	"encoding/json"
	"time"
)

// Wire cases of issue 17: after-sale negotiation and exchanges, guarantee
// orders, the settlement bank account, bank look-ups and the withdrawal QR
// code.

// exampleCard is a valid card number the cases put in place of the pages'
// placeholders ("621xxxxxxxxxxxxxx", "1234567890"): only the keys of the
// examples are compared.
const exampleCard = "6217000010144854901"

var aftersaleExtraWireCases = []wireCase{
	{path: "/channels/ec/aftersale/merchantupdateaftersale", call: func(ctx context.Context, c *Client, req []byte) error {
		var r NegotiateRequest
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		// The example's merchant_update_type 6 and update_reason_type
		// "123" are outside the page's enums: use a documented pair.
		r.MerchantUpdateType, r.UpdateReasonType = NegotiateModify, 10
		_, err := c.Aftersales.Negotiate(ctx, &r)
		return err
	}},
	{path: "/channels/ec/aftersale/acceptexchangereship", call: func(ctx context.Context, c *Client, req []byte) error {
		var r ExchangeReshipRequest
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, err := c.Aftersales.AcceptExchangeReship(ctx, &r)
		return err
	}},
	{path: "/channels/ec/aftersale/rejectexchangereship", call: func(ctx context.Context, c *Client, req []byte) error {
		var r RejectExchangeReshipRequest
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, err := c.Aftersales.RejectExchangeReship(ctx, &r)
		return err
	}},
	{path: "/channels/ec/aftersale/genaftersaleorder", call: func(ctx context.Context, c *Client, req []byte) error {
		var r GenerateAftersaleRequest
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Aftersales.GenerateForBuyer(ctx, &r)
		return err
	}},
	{path: "/channels/ec/aftersale/refundpricediff", call: func(ctx context.Context, c *Client, req []byte) error {
		var r RefundPriceDiffRequest
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Aftersales.RefundPriceDiff(ctx, &r)
		return err
	}},
	{path: "/channels/ec/aftersale/applyvirtualtelnum", call: func(ctx context.Context, c *Client, req []byte) error {
		var r aftersaleIDBody
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Aftersales.ApplyVirtualTelNumber(ctx, r.AftersaleOrderID)
		return err
	}},
	{path: "/channels/ec/aftersale/handlefastexchangereceipt", call: func(ctx context.Context, c *Client, req []byte) error {
		var r FastExchangeReceiptRequest
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, err := c.Aftersales.HandleFastExchangeReceipt(ctx, &r)
		return err
	}},

	// guarantee
	{path: "/channels/ec/aftersale/searchguaranteeorder", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			GuaranteeOrderIDList []ID              `json:"guarantee_order_id_list"`
			OrderIDList          []ID              `json:"order_id_list"`
			Type                 GuaranteeType     `json:"type"`
			BeginTime            int64             `json:"begin_time"`
			EndTime              int64             `json:"end_time"`
			StatusList           []GuaranteeStatus `json:"status_list"`
			Offset               int               `json:"offset"`
			Limit                int               `json:"limit"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		o := &GuaranteeSearchOptions{GuaranteeOrderIDs: r.GuaranteeOrderIDList, OrderIDs: r.OrderIDList, Type: r.Type,
			Statuses: r.StatusList, Offset: r.Offset, Limit: r.Limit}
		if r.BeginTime != 0 {
			o.Window = &Window{Start: time.Unix(r.BeginTime, 0), End: time.Unix(r.EndTime, 0)}
		}
		_, _, err := c.Guarantees.Search(ctx, o)
		return err
	}},
	{path: "/channels/ec/aftersale/getguaranteeorder", call: func(ctx context.Context, c *Client, req []byte) error {
		id, err := guaranteeExampleID(req)
		if err != nil {
			return err
		}
		_, _, err = c.Guarantees.Get(ctx, id)
		return err
	}},
	{path: "/channels/ec/aftersale/merchantacceptguarantee", call: func(ctx context.Context, c *Client, req []byte) error {
		id, err := guaranteeExampleID(req)
		if err != nil {
			return err
		}
		_, err = c.Guarantees.Accept(ctx, id)
		return err
	}},
	{path: "/channels/ec/aftersale/merchantmodifyguarantee", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			GuaranteeOrderID ID     `json:"guarantee_order_id"`
			BadLevel         int    `json:"bad_level"`
			MerchantRemark   string `json:"merchant_remark"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, err := c.Guarantees.Modify(ctx, &ModifyGuaranteeRequest{GuaranteeOrderID: r.GuaranteeOrderID, BadLevel: r.BadLevel, MerchantRemark: r.MerchantRemark})
		return err
	}},
	{path: "/channels/ec/aftersale/merchantproofguarantee", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			GuaranteeOrderID ID       `json:"guarantee_order_id"`
			Content          string   `json:"content"`
			PicList          []string `json:"pic_list"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, err := c.Guarantees.Proof(ctx, r.GuaranteeOrderID, r.Content, r.PicList)
		return err
	}},
	{path: "/channels/ec/aftersale/merchantrefuseguarantee", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			GuaranteeOrderID ID       `json:"guarantee_order_id"`
			Reason           string   `json:"reason"`
			PicList          []string `json:"pic_list"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, err := c.Guarantees.Refuse(ctx, r.GuaranteeOrderID, r.Reason, r.PicList)
		return err
	}},

	// funds
	{path: "/channels/ec/funds/getbankacct", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, _, err := c.Funds.GetBankAccount(ctx)
		return err
	}},
	{path: "/channels/ec/funds/setbankacct", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			AccountInfo BankAccount `json:"account_info"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		r.AccountInfo.AccountNumber = exampleCard
		_, err := c.Funds.SetBankAccount(ctx, &r.AccountInfo)
		return err
	}},
	{path: "/shop/funds/getbankbynum", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			AccountNumber string `json:"account_number"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Funds.BankByNumber(ctx, exampleCard)
		return err
	}},
	{path: "/shop/funds/getbanklist", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			Offset   int    `json:"offset"`
			Limit    int    `json:"limit"`
			KeyWords string `json:"key_words"`
			BankType int    `json:"bank_type"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Funds.SearchBanks(ctx, &BankSearchOptions{Offset: r.Offset, Limit: r.Limit, KeyWords: r.KeyWords, BankType: r.BankType})
		return err
	}},
	{path: "/shop/funds/getprovince", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, _, err := c.Funds.Provinces(ctx)
		return err
	}},
	{path: "/shop/funds/getcity", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			ProvinceCode int `json:"province_code"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Funds.Cities(ctx, r.ProvinceCode)
		return err
	}},
	{path: "/shop/funds/getsubbranch", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			BankCode string `json:"bank_code"`
			CityCode string `json:"city_code"`
			Offset   int    `json:"offset"`
			Limit    int    `json:"limit"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Funds.SubBranches(ctx, &SubBranchOptions{BankCode: r.BankCode, CityCode: r.CityCode, Offset: r.Offset, Limit: r.Limit})
		return err
	}},
	{path: "/shop/funds/qrcode/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var r qrTicketBody
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Funds.WithdrawQRCode(ctx, r.QRCodeTicket)
		return err
	}},
	{path: "/shop/funds/qrcode/check", call: func(ctx context.Context, c *Client, req []byte) error {
		var r qrTicketBody
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Funds.CheckWithdrawQRCode(ctx, r.QRCodeTicket)
		return err
	}},
}

// guaranteeExampleID reads guarantee_order_id (a JSON number) from a
// request example.
func guaranteeExampleID(req []byte) (ID, error) {
	var r struct {
		GuaranteeOrderID json.Number `json:"guarantee_order_id"`
	}
	if err := decodeExample(req, &r); err != nil {
		return "", err
	}
	return ID(r.GuaranteeOrderID), nil
}
