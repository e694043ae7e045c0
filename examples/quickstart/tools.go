package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// toolsDemo runs a shop into its daily quota, lets the platform diagnose
// the failed call from its rid (rid/get), resets the path's quota, and
// builds the allow list of the platform's push servers (getcallbackip) for
// the firewall in front of the message-push endpoint.
func toolsDemo(w io.Writer) error {
	srv, err := shopapitest.New()
	if err != nil {
		return err
	}
	defer srv.Close()
	srv.SetQuota("/channels/ec/basics/info/get", shopapitest.Quota{DailyLimit: 2})
	c := srv.Client()
	ctx := context.Background()

	var callErr error
	for callErr == nil {
		_, _, callErr = c.Store.Info(ctx)
	}
	var ae *shopapi.APIError
	if !errors.As(callErr, &ae) {
		return callErr
	}
	fmt.Fprintf(w, "basics/info/get    → errcode %d, rid %s\n", ae.ErrCode, ae.RequestID)
	d, err := c.Quota.Diagnose(ctx, callErr)
	if err != nil {
		return err
	}
	code, msg := d.Call.Response()
	fmt.Fprintf(w, "rid/get            → the platform's record: errcode %d %q (%s), from %s\n", code, trimRID(msg), d.Meaning, d.Call.ClientIP)
	if _, err := c.Quota.Clear(ctx, "/channels/ec/basics/info/get"); err != nil {
		return err
	}
	if _, _, err := c.Store.Info(ctx); err != nil {
		return err
	}
	fmt.Fprintln(w, "quota/clear        → basics/info/get answers again (50 resets a month)")

	push, _, err := c.Network.PushIPs(ctx)
	if err != nil {
		return err
	}
	allow, err := shopapi.NewIPAllowList(push)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "getcallbackip      → whitelist %v for the push endpoint\n", push)
	for _, from := range []string{"127.0.0.1:50312", "198.51.100.7:443"} {
		fmt.Fprintf(w, "                     push from %-17s allowed: %v\n", from, allow.Allows(from))
	}
	return nil
}

// trimRID drops the " rid: …" tail of an errmsg.
func trimRID(msg string) string {
	m, _, _ := strings.Cut(msg, " rid:")
	return m
}
