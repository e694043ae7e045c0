package shopapi

import (
	"context"
	"strconv"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart"
)

var epComplaintSyncWorkOrder = ep("/channels/ec/aftersale/syncworkorder")

// WorkOrderStatus is the status of one work-order item (工单状态).
type WorkOrderStatus int

// Work-order statuses.
const (
	WorkOrderCreated    WorkOrderStatus = 1 // 创建工单
	WorkOrderProcessing WorkOrderStatus = 2 // 处理工单
	WorkOrderFinished   WorkOrderStatus = 3 // 工单完结
)

// WorkOrderResult is result_type of a work-order item (终态结果类型).
type WorkOrderResult int

// Work-order results (only meaningful once finished).
const (
	WorkOrderNoResult     WorkOrderResult = 0 // 无结果（非终态）
	WorkOrderAgreeRefund  WorkOrderResult = 1 // 同意退款
	WorkOrderRejectRefund WorkOrderResult = 2 // 拒绝退款
)

// WorkOrderItem is one step of the merchant's work order on a dispute.
// The page's media_list (images and videos) is not modelled: its item
// fields could not be confirmed from the page.
type WorkOrderItem struct {
	Status WorkOrderStatus `json:"status"`
	Desc   string          `json:"desc"`
	// UpdateTime is Unix seconds.
	UpdateTime int64           `json:"update_time"`
	ResultType WorkOrderResult `json:"result_type"`
	// RefundAmount is in fen, for a finished item that agrees to refund.
	RefundAmount int64 `json:"refund_amount,omitempty"`
}

// WorkOrderInfo is the whole work order as the merchant's system holds it.
type WorkOrderInfo struct {
	// Version must grow with every sync (递增版本号).
	Version     int64  `json:"version"`
	WorkOrderID string `json:"work_order_id"`
	// Items replace the previous sync's items entirely (全量替换).
	Items []WorkOrderItem `json:"items"`
}

// SyncWorkOrderRequest syncs the merchant's work order of a dispute (同步
// 工单): a full replacement, not an increment.
type SyncWorkOrderRequest struct {
	ComplaintID   ID            `json:"complaint_id"`
	WorkOrderInfo WorkOrderInfo `json:"work_order_info"`
}

// SyncWorkOrder replaces the platform's copy of the merchant's work order
// on a dispute. Repeating it with the same version is harmless; bump the
// version for every change.
//
// WeChat API: POST /channels/ec/aftersale/syncworkorder
func (s *AftersaleService) SyncWorkOrder(ctx context.Context, req *SyncWorkOrderRequest) (*Response, error) {
	if req == nil {
		return nil, errorf("sync work order", errNilRequest())
	}
	var p []vcart.FieldError
	if strings.TrimSpace(string(req.ComplaintID)) == "" {
		p = append(p, vcart.FieldError{Field: "complaint_id", Code: "required", Msg: "must not be empty"})
	}
	w := req.WorkOrderInfo
	if w.Version <= 0 {
		p = append(p, vcart.FieldError{Field: "work_order_info.version", Code: "range", Msg: "must be positive and grow with every sync"})
	}
	if strings.TrimSpace(w.WorkOrderID) == "" {
		p = append(p, vcart.FieldError{Field: "work_order_info.work_order_id", Code: "required", Msg: "must not be empty"})
	}
	if len(w.Items) == 0 {
		p = append(p, vcart.FieldError{Field: "work_order_info.items", Code: "required", Msg: "at least one item"})
	}
	for i, it := range w.Items {
		f := "work_order_info.items[" + strconv.Itoa(i) + "]."
		if it.Status < WorkOrderCreated || it.Status > WorkOrderFinished {
			p = append(p, vcart.FieldError{Field: f + "status", Code: "enum", Msg: "must be 1, 2 or 3"})
		}
		if strings.TrimSpace(it.Desc) == "" {
			p = append(p, vcart.FieldError{Field: f + "desc", Code: "required", Msg: "must not be empty"})
		}
		if it.ResultType != WorkOrderNoResult && it.Status != WorkOrderFinished {
			p = append(p, vcart.FieldError{Field: f + "result_type", Code: "final_only", Msg: "a result needs status 3 (finished)"})
		}
		if it.RefundAmount < 0 || it.RefundAmount > 0 && it.ResultType != WorkOrderAgreeRefund {
			p = append(p, vcart.FieldError{Field: f + "refund_amount", Code: "refund_only", Msg: "only with result_type 1, in fen"})
		}
	}
	if err := vcart.NewValidationError(p); err != nil {
		return nil, errorf("sync work order", err)
	}
	resp, err := s.client.call(ctx, &request{ep: epComplaintSyncWorkOrder, body: req}, &struct{}{})
	if err != nil {
		return resp, errorf("sync work order of complaint "+string(req.ComplaintID), err)
	}
	return resp, nil
}

// String returns the status's name.
func (s WorkOrderStatus) String() string {
	return enumString("WorkOrderStatus", int(s), map[int]string{1: "created", 2: "processing", 3: "finished"})
}

// String returns the result's name.
func (r WorkOrderResult) String() string {
	return enumString("WorkOrderResult", int(r), map[int]string{0: "none", 1: "agree_refund", 2: "reject_refund"})
}
