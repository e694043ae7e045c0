package shopapitest

import (
	"context"
	"testing"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

// TestCrossGroupChecks holds the checks other groups' handlers use: an
// after-sale's return address and a product's freight template must exist.
func TestCrossGroupChecks(t *testing.T) {
	t.Parallel()
	s := NewServer(t)
	c := s.Client()
	ctx := context.Background()
	send := tourAddress()
	send.RecvAddr, send.DefaultRecv, send.SendAddr = false, false, true
	sendID, _, err := c.Addresses.Add(ctx, send)
	if err != nil {
		t.Fatal(err)
	}
	recvID, _, err := c.Addresses.Add(ctx, tourAddress())
	if err != nil {
		t.Fatal(err)
	}
	tplID, _, err := c.Freight.Add(ctx, tourFreightTemplate())
	if err != nil {
		t.Fatal(err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, tc := range []struct {
		name string
		err  error
		want int
	}{
		{"return address", s.knownAddress(string(recvID), true), 0},
		{"shipping address as a return address", s.knownAddress(string(sendID), true), shopapi.CodeBadParams},
		{"shipping address", s.knownAddress(string(sendID), false), 0},
		{"unknown address", s.knownAddress("1", false), shopapi.CodeBadParams},
		{"freight template", s.knownFreightTemplate(string(tplID)), 0},
		{"unknown freight template", s.knownFreightTemplate("1"), shopapi.CodeBadParams},
	} {
		got := 0
		if ae, ok := tc.err.(*apiError); ok {
			got = ae.code
		} else if tc.err != nil {
			got = -1
		}
		if got != tc.want {
			t.Errorf("%s: %v, want errcode %d", tc.name, tc.err, tc.want)
		}
	}
}
