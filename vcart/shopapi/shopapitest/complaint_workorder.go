package shopapitest

import (
	"github.com/vcart-sdk/vcart-go/vcart"
	"net/http"
	"slices"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// The merchant's work order on a dispute (同步工单): each sync replaces the
// previous one and must carry a higher version.

func complaintExtraRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/channels/ec/aftersale/syncworkorder", h: (*Server).hSyncWorkOrder},
	}
}

// WorkOrder is the merchant's work order on a dispute as the platform
// holds it after the last sync.
type WorkOrder struct {
	Version     int64
	WorkOrderID string
	Items       []shopapi.WorkOrderItem
}

func (s *Server) workOrders() map[string]*WorkOrder {
	m := stateOf(s, "work-orders", func() *map[string]*WorkOrder { m := map[string]*WorkOrder{}; return &m })
	return *m
}

// WorkOrderOf returns the last synced work order of a complaint.
func (s *Server) WorkOrderOf(complaintID vcart.ID) (WorkOrder, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	w, ok := s.workOrders()[string(complaintID)]
	if !ok {
		return WorkOrder{}, false
	}
	c := *w
	c.Items = slices.Clone(w.Items)
	return c, true
}

func (s *Server) hSyncWorkOrder(c *call) (any, error) {
	var b struct {
		ComplaintID string `json:"complaint_id"`
		Info        struct {
			Version     int64                   `json:"version"`
			WorkOrderID string                  `json:"work_order_id"`
			Items       []shopapi.WorkOrderItem `json:"items"`
		} `json:"work_order_info"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if _, ok := s.orders().cps[b.ComplaintID]; !ok {
		return nil, apiErr(10021500, "complaint not exist")
	}
	if b.Info.WorkOrderID == "" || len(b.Info.Items) == 0 {
		return nil, apiErr(shopapi.CodeInvalidRequestBody, "work_order_id and items are required")
	}
	wos := s.workOrders()
	if prev, ok := wos[b.ComplaintID]; ok {
		if b.Info.Version == prev.Version && slices.Equal(b.Info.Items, prev.Items) {
			return nil, nil // a repeated sync
		}
		if b.Info.Version <= prev.Version {
			return nil, apiErr(shopapi.CodeInvalidRequestBody, "version must grow with every sync")
		}
	}
	wos[b.ComplaintID] = &WorkOrder{Version: b.Info.Version, WorkOrderID: b.Info.WorkOrderID, Items: slices.Clone(b.Info.Items)}
	return nil, nil
}
