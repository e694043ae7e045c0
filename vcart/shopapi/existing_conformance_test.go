package shopapi

import (
	"context"
	"encoding/json"
	"time"
)

// Wire cases of the endpoints written before the conformance pattern
// (issue 13): each decodes its official request example into the method's
// arguments and calls the method.

func unixWindow(begin, end int64) *Window {
	if begin == 0 && end == 0 {
		return nil
	}
	return &Window{Start: time.Unix(begin, 0), End: time.Unix(end, 0)}
}

// idArg decodes {"<key>": id} examples.
func idArg(req []byte, key string) (ID, error) {
	m := map[string]ID{}
	if err := json.Unmarshal(req, &m); err != nil {
		return "", err
	}
	return m[key], nil
}

var existingWireCases = []wireCase{
	// aftersale
	{path: "/channels/ec/aftersale/acceptapply", call: func(ctx context.Context, c *Client, req []byte) error {
		var r AcceptRequest
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, err := c.Aftersales.Accept(ctx, &r)
		return err
	}},
	{path: "/channels/ec/aftersale/rejectapply", call: func(ctx context.Context, c *Client, req []byte) error {
		var r RejectRequest
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, err := c.Aftersales.Reject(ctx, &r)
		return err
	}},
	{path: "/channels/ec/aftersale/getaftersalelist", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			BeginCreateTime int64  `json:"begin_create_time"`
			EndCreateTime   int64  `json:"end_create_time"`
			BeginUpdateTime int64  `json:"begin_update_time"`
			EndUpdateTime   int64  `json:"end_update_time"`
			NextKey         string `json:"next_key"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Aftersales.List(ctx, &AftersaleListOptions{
			CreateTime: unixWindow(r.BeginCreateTime, r.EndCreateTime),
			UpdateTime: unixWindow(r.BeginUpdateTime, r.EndUpdateTime), NextKey: r.NextKey})
		return err
	}},
	{path: "/channels/ec/aftersale/getaftersaleorder", call: func(ctx context.Context, c *Client, req []byte) error {
		var r aftersaleIDBody
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Aftersales.Get(ctx, r.AftersaleOrderID)
		return err
	}},
	{path: "/channels/ec/aftersale/uploadrefundcertificate", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			AftersaleOrderID   ID       `json:"after_sale_order_id"`
			RefundCertificates []string `json:"refund_certificates"`
			Desc               string   `json:"desc"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, err := c.Aftersales.UploadRefundCertificate(ctx, r.AftersaleOrderID, r.Desc, r.RefundCertificates)
		return err
	}},
	{path: "/channels/ec/aftersale/reason/get", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, _, err := c.Aftersales.Reasons(ctx)
		return err
	}},
	{path: "/channels/ec/aftersale/rejectreason/get", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, _, err := c.Aftersales.RejectReasons(ctx)
		return err
	}},

	// complaint
	{path: "/channels/ec/aftersale/getcomplaintorder", call: func(ctx context.Context, c *Client, req []byte) error {
		id, err := idArg(req, "complaint_id")
		if err != nil {
			return err
		}
		_, _, err = c.Aftersales.GetComplaint(ctx, id)
		return err
	}},
	{path: "/channels/ec/aftersale/addcomplaintproof", call: func(ctx context.Context, c *Client, req []byte) error {
		var r complaintTextExample
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, err := c.Aftersales.AddComplaintProof(ctx, r.ComplaintID, r.Content, r.MediaIDList)
		return err
	}},
	{path: "/channels/ec/aftersale/addcomplaintmaterial", call: func(ctx context.Context, c *Client, req []byte) error {
		var r complaintTextExample
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, err := c.Aftersales.AddComplaintMaterial(ctx, r.ComplaintID, r.Content, r.MediaIDList)
		return err
	}},

	// basics, brands, categories
	{path: "/shop/ec/basics/img/upload", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			ImgURL string `json:"img_url"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Media.UploadImageURL(ctx, r.ImgURL, ImageMediaID)
		return err
	}},
	{path: "/shop/ec/basics/qualification/upload", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, _, err := c.Media.UploadQualification(ctx, "license.jpg", []byte("\xff\xd8\xff\xe0 jpeg"))
		return err
	}},
	{path: "/shop/ec/brand/all", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			PageSize int    `json:"page_size"`
			NextKey  string `json:"next_key"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Brands.All(ctx, &BrandListOptions{PageSize: r.PageSize, NextKey: r.NextKey})
		return err
	}},
	{path: "/channels/ec/brand/list/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			PageSize int          `json:"page_size"`
			Status   *BrandStatus `json:"status"`
			NextKey  string       `json:"next_key"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Brands.List(ctx, &BrandListOptions{PageSize: r.PageSize, NextKey: r.NextKey, Status: r.Status})
		return err
	}, unsent: map[string]string{"next_key": "the example's next_key is empty (first page); an empty cursor is left out"}},
	{path: "/channels/ec/brand/get", call: func(ctx context.Context, c *Client, req []byte) error {
		id, err := idArg(req, "brand_id")
		if err != nil {
			return err
		}
		_, _, err = c.Brands.Get(ctx, id)
		return err
	}},
	{path: "/shop/ec/category/all", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, _, err := c.Categories.All(ctx)
		return err
	}},
	{path: "/shop/ec/category/detail", call: func(ctx context.Context, c *Client, req []byte) error {
		id, err := idArg(req, "cat_id")
		if err != nil {
			return err
		}
		_, _, err = c.Categories.Detail(ctx, id)
		return err
	}},
	{path: "/channels/ec/category/list/get", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, _, err := c.Categories.Approved(ctx)
		return err
	}},

	// delivery
	{path: "/channels/ec/order/delivery/send", call: func(ctx context.Context, c *Client, req []byte) error {
		var r ShipRequest
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, err := c.Delivery.Ship(ctx, &r)
		return err
	}},
	{path: "/channels/ec/order/deliverycompanylist/get", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, _, err := c.Delivery.Companies(ctx)
		return err
	}},

	// funds
	{path: "/channels/ec/funds/getbalance", call: func(ctx context.Context, c *Client, _ []byte) error {
		_, _, err := c.Funds.Balance(ctx)
		return err
	}},
	{path: "/channels/ec/funds/getfundsflowdetail", call: func(ctx context.Context, c *Client, req []byte) error {
		id, err := idArg(req, "flow_id")
		if err != nil {
			return err
		}
		_, _, err = c.Funds.FlowDetail(ctx, id)
		return err
	}},
	{path: "/channels/ec/funds/getfundsflowlist", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			Page          int      `json:"page"`
			PageSize      int      `json:"page_size"`
			StartTime     int64    `json:"start_time"`
			EndTime       int64    `json:"end_time"`
			NextKey       string   `json:"next_key"`
			TransactionID string   `json:"transaction_id"`
			FlowType      FlowType `json:"flow_type"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Funds.FlowList(ctx, &FundsFlowListOptions{Window: unixWindow(r.StartTime, r.EndTime),
			FlowType: r.FlowType, TransactionID: r.TransactionID, Page: r.Page, PageSize: r.PageSize, NextKey: r.NextKey})
		return err
	}},
	{path: "/channels/ec/funds/getwithdrawdetail", call: func(ctx context.Context, c *Client, req []byte) error {
		id, err := idArg(req, "withdraw_id")
		if err != nil {
			return err
		}
		_, _, err = c.Funds.WithdrawDetail(ctx, id)
		return err
	}},
	{path: "/channels/ec/funds/getwithdrawlist", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			PageNum   int   `json:"page_num"`
			PageSize  int   `json:"page_size"`
			StartTime int64 `json:"start_time"`
			EndTime   int64 `json:"end_time"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Funds.WithdrawList(ctx, &WithdrawListOptions{PageNum: r.PageNum, PageSize: r.PageSize,
			Window: unixWindow(r.StartTime, r.EndTime)})
		return err
	}},
	{path: "/channels/ec/funds/submitwithdraw", call: func(ctx context.Context, c *Client, req []byte) error {
		var r WithdrawRequest
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Funds.SubmitWithdraw(ctx, &r)
		return err
	}, unsent: map[string]string{"bank_memo": "the example's bank_memo is empty; an empty memo is left out"}},
	{path: "/channels/ec/funds/listorderflow", call: func(ctx context.Context, c *Client, req []byte) error {
		var r orderFlowBody
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		o := OrderFlowOptions{SettleState: r.SettleState, State: r.State, PayMethod: r.PayMethod, OrderID: r.OrderID}
		if p := r.Pagination; p != nil {
			o.Limit, o.Offset, o.UsePageCtx, o.PageCtx = p.Limit, p.Offset, p.UsePageCtx, p.PageCtx
		}
		if t := r.CreateTime; t != nil {
			o.CreateTime = unixWindow(t.Begin, t.End)
		}
		_, _, err := c.Funds.OrderFlow(ctx, &o)
		return err
	}, unsent: map[string]string{"pagination_info.offset": "offset is ignored (and not sent) with use_page_ctx"}},

	// orders
	{path: "/channels/ec/order/get", call: func(ctx context.Context, c *Client, req []byte) error {
		id, err := idArg(req, "order_id")
		if err != nil {
			return err
		}
		_, _, err = c.Orders.Get(ctx, id)
		return err
	}},
	{path: "/channels/ec/order/list/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			CreateTimeRange *timeRange   `json:"create_time_range"`
			UpdateTimeRange *timeRange   `json:"update_time_range"`
			Status          *OrderStatus `json:"status"`
			OpenID          string       `json:"openid"`
			PageSize        int          `json:"page_size"`
			NextKey         string       `json:"next_key"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		o := OrderListOptions{Status: r.Status, OpenID: r.OpenID, PageSize: r.PageSize, NextKey: r.NextKey}
		if t := r.CreateTimeRange; t != nil {
			o.CreateTime = unixWindow(t.StartTime, t.EndTime)
		}
		if t := r.UpdateTimeRange; t != nil {
			o.UpdateTime = unixWindow(t.StartTime, t.EndTime)
		}
		_, _, err := c.Orders.List(ctx, &o)
		return err
	}},
	{path: "/channels/ec/order/search", call: func(ctx context.Context, c *Client, req []byte) error {
		var r OrderSearchOptions
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Orders.Search(ctx, &r)
		return err
	}},
	{path: "/channels/ec/order/price/update", call: func(ctx context.Context, c *Client, req []byte) error {
		var r PriceUpdateRequest
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, err := c.Orders.UpdatePrice(ctx, &r)
		return err
	}},
	{path: "/channels/ec/order/merchantnotes/update", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			OrderID       ID     `json:"order_id"`
			MerchantNotes string `json:"merchant_notes"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, err := c.Orders.UpdateMerchantNotes(ctx, r.OrderID, r.MerchantNotes)
		return err
	}},
	{path: "/channels/ec/order/address/update", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			OrderID     ID           `json:"order_id"`
			UserAddress *AddressInfo `json:"user_address"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, err := c.Orders.UpdateAddress(ctx, r.OrderID, r.UserAddress)
		return err
	}},
	{path: "/channels/ec/order/addressmodify/accept", call: func(ctx context.Context, c *Client, req []byte) error {
		id, err := idArg(req, "order_id")
		if err != nil {
			return err
		}
		_, err = c.Orders.AcceptAddressChange(ctx, id)
		return err
	}},
	{path: "/channels/ec/order/addressmodify/reject", call: func(ctx context.Context, c *Client, req []byte) error {
		id, err := idArg(req, "order_id")
		if err != nil {
			return err
		}
		_, err = c.Orders.RejectAddressChange(ctx, id)
		return err
	}},

	// products and stock
	{path: "/channels/ec/product/add", call: func(ctx context.Context, c *Client, req []byte) error {
		p, listing, err := productExample(req)
		if err != nil {
			return err
		}
		_, _, err = c.Products.Add(ctx, p, listing)
		return err
	}, unsent: productUnsent},
	{path: "/channels/ec/product/update", call: func(ctx context.Context, c *Client, req []byte) error {
		p, listing, err := productExample(req)
		if err != nil {
			return err
		}
		_, _, err = c.Products.Update(ctx, p, listing)
		return err
	}, unsent: productUnsent},
	{path: "/channels/ec/product/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			ProductID ID       `json:"product_id"`
			DataType  DataType `json:"data_type"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Products.Get(ctx, r.ProductID, r.DataType)
		return err
	}},
	{path: "/channels/ec/product/list/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			Status   *ProductStatus `json:"status"`
			PageSize int            `json:"page_size"`
			NextKey  string         `json:"next_key"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Products.List(ctx, &ProductListOptions{Status: r.Status, PageSize: r.PageSize, NextKey: r.NextKey})
		return err
	}},
	{path: "/channels/ec/product/listing", call: func(ctx context.Context, c *Client, req []byte) error {
		id, err := idArg(req, "product_id")
		if err != nil {
			return err
		}
		_, err = c.Products.Listing(ctx, id)
		return err
	}},
	{path: "/channels/ec/product/delete", call: func(ctx context.Context, c *Client, req []byte) error {
		id, err := idArg(req, "product_id")
		if err != nil {
			return err
		}
		_, err = c.Products.Delete(ctx, id)
		return err
	}},
	{path: "/channels/ec/product/audit/cancel", call: func(ctx context.Context, c *Client, req []byte) error {
		id, err := idArg(req, "product_id")
		if err != nil {
			return err
		}
		_, err = c.Products.CancelAudit(ctx, id)
		return err
	}},
	{path: "/channels/ec/product/auditfree", call: func(ctx context.Context, c *Client, req []byte) error {
		var r AuditFreeRequest
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, err := c.Products.UpdateAuditFree(ctx, &r)
		return err
	}},
	{path: "/channels/ec/product/stock/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			ProductID ID `json:"product_id"`
			SKUID     ID `json:"sku_id"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Stock.Get(ctx, r.ProductID, r.SKUID)
		return err
	}},
	{path: "/channels/ec/product/stock/batchget", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			ProductID []ID `json:"product_id"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Stock.BatchGet(ctx, r.ProductID)
		return err
	}},
	{path: "/channels/ec/product/stock/update", call: func(ctx context.Context, c *Client, req []byte) error {
		var r StockUpdateRequest
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, err := c.Stock.Update(ctx, &r)
		return err
	}},

	// listed late (their pages read separately)
	{path: "/channels/ec/category/availablesoncategories/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			FCatID ID `json:"f_cat_id"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Categories.Children(ctx, r.FCatID)
		return err
	}},
	{path: "/channels/ec/product/delisting", call: func(ctx context.Context, c *Client, req []byte) error {
		id, err := idArg(req, "product_id")
		if err != nil {
			return err
		}
		_, err = c.Products.Delisting(ctx, id)
		return err
	}},

	// quota
	{path: "/cgi-bin/openapi/quota/get", call: func(ctx context.Context, c *Client, req []byte) error {
		var r struct {
			CGIPath string `json:"cgi_path"`
		}
		if err := decodeExample(req, &r); err != nil {
			return err
		}
		_, _, err := c.Quota.Get(ctx, r.CGIPath)
		return err
	}},
}

// productUnsent: the product examples send an empty legacy category list.
var productUnsent = map[string]string{"cats": "the example's cats is empty (the category goes in cats_v2); an empty list is left out"}

type complaintTextExample struct {
	ComplaintID ID       `json:"complaint_id"`
	Content     string   `json:"content"`
	MediaIDList []string `json:"media_id_list"`
}

// productExample decodes a product/add or product/update example into a
// Product (unknown keys land in its Extra) and the listing flag.
func productExample(req []byte) (*Product, bool, error) {
	var p Product
	if err := json.Unmarshal(req, &p); err != nil {
		return nil, false, err
	}
	var l struct {
		Listing json.RawMessage `json:"listing"`
	}
	_ = json.Unmarshal(req, &l)
	delete(p.Extra, "listing")
	listing := string(l.Listing) == "1" || string(l.Listing) == "true"
	return &p, listing, nil
}
