package shopapitest_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/vcart-sdk/vcart-go/vcart/shopapi"
	"github.com/vcart-sdk/vcart-go/vcart/shopapi/shopapitest"
)

// ExampleNew starts the fake for a program (tests use NewServer(t)).
func ExampleNew() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client()
	cats, _, err := c.Categories.Children(context.Background(), "0")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, cat := range cats {
		fmt.Println(cat.CatID, cat.Name)
	}
	// Output:
	// 1001 食品饮料
	// 2001 服饰内衣
	// 3001 美妆护肤
}

// ExampleServer_InjectFault makes the next product/get fail with errcode
// -1; the client retries it.
func ExampleServer_InjectFault() {
	srv, err := shopapitest.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	c := srv.Client(shopapi.WithRetry(2, 0, 0))
	srv.InjectFault("/channels/ec/basics/info/get", shopapitest.Fault{Kind: shopapitest.FaultErrCode, Code: -1})
	_, resp, err := c.Store.Info(context.Background())
	fmt.Println(err == nil, resp.Attempts)

	srv.InjectFault("/channels/ec/basics/info/get", shopapitest.Fault{Kind: shopapitest.FaultErrCode, Code: -1, Times: 3})
	_, _, err = c.Store.Info(context.Background())
	fmt.Println(errors.Is(err, shopapi.ErrSystemBusy))
	// Output:
	// true 2
	// true
}
