package shopapi_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vcart-sdk/vcart-go/vcart"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// nilRequestCalls calls every method that takes a request pointer with nil.
var nilRequestCalls = map[string]func(ctx context.Context, c *shopapi.Client) error{
	"Products.Add": func(ctx context.Context, c *shopapi.Client) error {
		_, _, err := c.Products.Add(ctx, nil, false)
		return err
	},
	"Products.Update": func(ctx context.Context, c *shopapi.Client) error {
		_, _, err := c.Products.Update(ctx, nil, false)
		return err
	},
	"Products.UpdateAuditFree": func(ctx context.Context, c *shopapi.Client) error {
		_, err := c.Products.UpdateAuditFree(ctx, nil)
		return err
	},
	"Stock.Update": func(ctx context.Context, c *shopapi.Client) error {
		_, err := c.Stock.Update(ctx, nil)
		return err
	},
	"Orders.UpdatePrice": func(ctx context.Context, c *shopapi.Client) error {
		_, err := c.Orders.UpdatePrice(ctx, nil)
		return err
	},
	"Delivery.Ship": func(ctx context.Context, c *shopapi.Client) error {
		_, err := c.Delivery.Ship(ctx, nil)
		return err
	},
	"Delivery.Confirm": func(ctx context.Context, c *shopapi.Client) error {
		_, _, err := c.Delivery.Confirm(ctx, nil)
		return err
	},
	"Aftersales.Accept": func(ctx context.Context, c *shopapi.Client) error {
		_, err := c.Aftersales.Accept(ctx, nil)
		return err
	},
	"Aftersales.Reject": func(ctx context.Context, c *shopapi.Client) error {
		_, err := c.Aftersales.Reject(ctx, nil)
		return err
	},
	"Funds.SubmitWithdraw": func(ctx context.Context, c *shopapi.Client) error {
		_, _, err := c.Funds.SubmitWithdraw(ctx, nil)
		return err
	},
	// fulfilment (issue 15)
	"EWaybill.Create": func(ctx context.Context, c *shopapi.Client) error {
		_, _, err := c.EWaybill.Create(ctx, nil)
		return err
	},
	"EWaybill.AddSubOrder": func(ctx context.Context, c *shopapi.Client) error {
		_, _, err := c.EWaybill.AddSubOrder(ctx, nil)
		return err
	},
	"Delivery.Compensate": func(ctx context.Context, c *shopapi.Client) error {
		_, err := c.Delivery.Compensate(ctx, nil)
		return err
	},
	"Delivery.UpdateDeliveryInfo": func(ctx context.Context, c *shopapi.Client) error {
		_, err := c.Delivery.UpdateDeliveryInfo(ctx, nil)
		return err
	},
	"Warehouses.UpdateStock": func(ctx context.Context, c *shopapi.Client) error {
		_, err := c.Warehouses.UpdateStock(ctx, nil)
		return err
	},
	"Showcase.Add": func(ctx context.Context, c *shopapi.Client) error {
		_, err := c.Showcase.Add(ctx, nil)
		return err
	},
	"Links.ProductScheme": func(ctx context.Context, c *shopapi.Client) error {
		_, _, err := c.Links.ProductScheme(ctx, nil)
		return err
	},

	// dropship, head suppliers (issue 20)
	"Dropship.Assign": func(ctx context.Context, c *shopapi.Client) error {
		_, err := c.Dropship.Assign(ctx, nil)
		return err
	},
	"Dropship.Cancel": func(ctx context.Context, c *shopapi.Client) error {
		_, err := c.Dropship.Cancel(ctx, nil)
		return err
	},
	"HeadSuppliers.AddToWindow": func(ctx context.Context, c *shopapi.Client) error {
		_, err := c.HeadSuppliers.AddToWindow(ctx, nil)
		return err
	},
	// homepage, league and talents (issue 20)
	"Talents.Orders": func(ctx context.Context, c *shopapi.Client) error {
		_, _, err := c.Talents.Orders(ctx, nil)
		return err
	},
	"League.Item": func(ctx context.Context, c *shopapi.Client) error {
		_, _, err := c.League.Item(ctx, nil)
		return err
	},
	"League.Items": func(ctx context.Context, c *shopapi.Client) error {
		_, _, err := c.League.Items(ctx, nil)
		return err
	},
	"League.Promoters": func(ctx context.Context, c *shopapi.Client) error {
		_, _, err := c.League.Promoters(ctx, nil)
		return err
	},
	// cooperation, inspection, kf, favorites, invoices, mini-programs, network, quota tools (issue 20)
	"MiniProgram.CreatePresent": func(ctx context.Context, c *shopapi.Client) error {
		_, _, err := c.MiniProgram.CreatePresent(ctx, nil)
		return err
	},
}

// TestNilRequest checks that a nil request is a validation error naming the
// request, and that nothing is sent.
func TestNilRequest(t *testing.T) {
	t.Parallel()
	c := offlineClient(t)
	want := []vcart.FieldError{{Field: "request", Code: "request.required", Msg: "must not be nil"}}
	for name, call := range nilRequestCalls {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			err := call(t.Context(), c)
			var ve *vcart.ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, vcart.ErrInvalid) {
				t.Fatalf("err = %v, want a *vcart.ValidationError", err)
			}
			if diff := cmp.Diff(want, ve.Problems); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// TestNilRequest_Complete finds, by reflection, every service method that
// takes a request pointer (*XxxRequest or *Product) and checks that
// nilRequestCalls covers it.
func TestNilRequest_Complete(t *testing.T) {
	t.Parallel()
	ct := reflect.TypeFor[shopapi.Client]()
	var found []string
	for i := range ct.NumField() {
		f := ct.Field(i)
		if !f.IsExported() || f.Type.Kind() != reflect.Pointer || !strings.HasSuffix(f.Type.Elem().Name(), "Service") {
			continue
		}
		for j := range f.Type.NumMethod() {
			m := f.Type.Method(j)
			for k := 1; k < m.Type.NumIn(); k++ {
				in := m.Type.In(k)
				if in.Kind() == reflect.Pointer && in.Elem().Kind() == reflect.Struct &&
					(strings.HasSuffix(in.Elem().Name(), "Request") || in.Elem().Name() == "Product") {
					found = append(found, f.Name+"."+m.Name)
				}
			}
		}
	}
	slices.Sort(found)
	var have []string
	for name := range nilRequestCalls {
		have = append(have, name)
	}
	slices.Sort(have)
	if diff := cmp.Diff(found, have); diff != "" {
		t.Errorf("methods taking a request pointer (-found +tested):\n%s", diff)
	}
}
