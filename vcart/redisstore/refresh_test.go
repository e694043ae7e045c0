package redisstore_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/vcart-sdk/vcart-go/vcart/redisstore"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
)

func TestRefreshTokenStore(t *testing.T) {
	t.Parallel()
	rdb := sharedClient(t)
	s, err := redisstore.NewRefreshTokenStore(rdb, "wxcomponent", redisstore.WithPrefix(testPrefix(t)))
	if err != nil {
		t.Fatal(err)
	}
	other, _ := redisstore.NewRefreshTokenStore(rdb, "wxothercomponent", redisstore.WithPrefix(testPrefix(t)))
	ctx := context.Background()
	if _, err := s.LoadRefreshToken(ctx, "wxshop"); !errors.Is(err, shopapi.ErrUnknownMerchant) {
		t.Errorf("unknown: %v", err)
	}
	if err := s.SaveRefreshToken(ctx, "wxshop", "refresh-secret-1"); err != nil {
		t.Fatal(err)
	}
	if rt, err := s.LoadRefreshToken(ctx, "wxshop"); err != nil || rt != "refresh-secret-1" {
		t.Errorf("load = %q, %v", rt, err)
	}
	if _, err := other.LoadRefreshToken(ctx, "wxshop"); !errors.Is(err, shopapi.ErrUnknownMerchant) {
		t.Errorf("another component sees the token: %v", err)
	}
	if err := s.DeleteRefreshToken(ctx, "wxshop"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadRefreshToken(ctx, "wxshop"); !errors.Is(err, shopapi.ErrUnknownMerchant) {
		t.Errorf("after delete: %v", err)
	}
	if err := s.SaveRefreshToken(ctx, "", "x"); !errors.Is(err, redisstore.ErrConfig) {
		t.Errorf("empty appid: %v", err)
	}
	// Unreachable: an error that names the merchant, never the token.
	dead, _ := redisstore.NewRefreshTokenStore(newClient(t, "127.0.0.1:1"), "wxcomponent")
	err = dead.SaveRefreshToken(ctx, "wxshop", "refresh-secret-2")
	if !errors.Is(err, redisstore.ErrUnavailable) || strings.Contains(err.Error(), "refresh-secret") {
		t.Errorf("unreachable: %v", err)
	}
	if _, err := redisstore.NewRefreshTokenStore(nil, "x"); !errors.Is(err, redisstore.ErrConfig) {
		t.Errorf("nil client: %v", err)
	}
	if _, err := redisstore.NewRefreshTokenStore(rdb, ""); !errors.Is(err, redisstore.ErrConfig) {
		t.Errorf("empty component: %v", err)
	}
}
